package dev.tufceremony.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A CommandRunner that answers with captured outputs from test resources and records what was run. */
final class CapturedCommands implements CommandRunner {
    private final Map<List<String>, String> outputs;
    final List<List<String>> ran = new ArrayList<>();

    CapturedCommands(Map<List<String>, String> outputs) {
        this.outputs = outputs;
    }

    @Override
    public String run(List<String> command) throws IOException {
        ran.add(command);
        String resource = outputs.get(command);
        if (resource == null) {
            throw new IOException("unexpected command " + command);
        }
        try (InputStream in = CapturedCommands.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
