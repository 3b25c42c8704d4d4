package dev.tufceremony.backup;

import java.util.List;

/** One recipient stanza of an age header: {@code -> type args...} and its body (age v1, "Header"). */
public final class Stanza {
    private final String type;
    private final List<String> args;
    private final byte[] body;

    Stanza(String type, List<String> args, byte[] body) {
        this.type = type;
        this.args = List.copyOf(args);
        this.body = body.clone();
    }

    public String type() {
        return type;
    }

    public List<String> args() {
        return args;
    }

    public byte[] body() {
        return body.clone();
    }

    byte[] bodyView() {
        return body;
    }
}
