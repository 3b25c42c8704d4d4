package dev.tufceremony.secret;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/** Placeholder with the agreed API until the real class lands on main. */
public final class Passphrase implements Destroyable, AutoCloseable {
    private final char[] chars;
    private volatile boolean destroyed;

    private Passphrase(char[] chars) {
        this.chars = chars;
    }

    public static Passphrase wrap(char[] chars) {
        return new Passphrase(chars);
    }

    public static Passphrase copyOf(char[] chars) {
        return new Passphrase(chars.clone());
    }

    public char[] chars() {
        if (destroyed) {
            throw new IllegalStateException("destroyed");
        }
        return chars;
    }

    public byte[] toUtf8() {
        ByteBuffer buf = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars()));
        byte[] out = Arrays.copyOfRange(buf.array(), buf.position(), buf.limit());
        Arrays.fill(buf.array(), (byte) 0);
        return out;
    }

    public boolean sameAs(Passphrase other) {
        char[] a = chars();
        char[] b = other.chars();
        int diff = a.length ^ b.length;
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            diff |= (i < a.length ? a[i] : 0) ^ (i < b.length ? b[i] : 0);
        }
        return diff == 0;
    }

    public static Passphrase readFirstLine(Path file) throws java.io.IOException {
        byte[] all = Files.readAllBytes(file);
        try {
            int end = 0;
            while (end < all.length && all[end] != '\n' && all[end] != '\r') {
                end++;
            }
            CharBuffer cb = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(all, 0, end));
            char[] out = Arrays.copyOfRange(cb.array(), cb.position(), cb.limit());
            Arrays.fill(cb.array(), '\0');
            return wrap(out);
        } finally {
            Arrays.fill(all, (byte) 0);
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(chars, '\0');
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "Passphrase[hidden]";
    }
}
