package dev.tufceremony.secret;

import dev.tufceremony.CeremonyError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * A passphrase held only in a {@code char[]} that is zeroed on {@link #destroy()}. It never becomes a
 * String: no content-based equals/hashCode, and {@link #toString()} hides it.
 */
public final class Passphrase implements Destroyable, AutoCloseable {

    /** Longest first line {@link #readFirstLine} accepts; a passphrase file is one short line. */
    private static final int MAX_FILE_BYTES = 64 * 1024;

    private char[] chars;
    private boolean destroyed;

    private Passphrase(char[] chars) {
        this.chars = chars;
    }

    /** Takes ownership of {@code chars}: the caller's array itself is zeroed on destroy. */
    public static Passphrase wrap(char[] chars) {
        if (chars == null) {
            throw new IllegalArgumentException("chars is null");
        }
        return new Passphrase(chars);
    }

    /** Copies {@code chars}; the caller keeps (and wipes) its own array. */
    public static Passphrase copyOf(char[] chars) {
        if (chars == null) {
            throw new IllegalArgumentException("chars is null");
        }
        return new Passphrase(chars.clone());
    }

    /**
     * Reads the first line of a UTF-8 file (without its CR/LF) without going through a String; the
     * byte buffer is zeroed before returning.
     */
    public static Passphrase readFirstLine(Path file) {
        byte[] buf = new byte[4096];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (n == MAX_FILE_BYTES) {
                    throw new CeremonyError("The passphrase file " + file + " has a first line longer than "
                            + MAX_FILE_BYTES + " bytes; put only the passphrase on its first line.");
                }
                if (n == buf.length) {
                    byte[] bigger = Arrays.copyOf(buf, buf.length * 2);
                    Arrays.fill(buf, (byte) 0);
                    buf = bigger;
                }
                buf[n++] = (byte) b;
            }
            while (n > 0 && (buf[n - 1] == '\r' || buf[n - 1] == '\n')) {
                n--;
            }
            if (n >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
                // A byte-order mark is an editor artefact, not part of the passphrase.
                System.arraycopy(buf, 3, buf, 0, n - 3);
                Arrays.fill(buf, n - 3, n, (byte) 0);
                n -= 3;
            }
            if (n == 0) {
                throw new CeremonyError("The passphrase file " + file
                        + " has an empty first line; write the passphrase on its first line.");
            }
            return new Passphrase(decodeUtf8(buf, n, file));
        } catch (NoSuchFileException e) {
            throw new CeremonyError("The passphrase file " + file + " does not exist; check the path.");
        } catch (IOException e) {
            throw new CeremonyError("The passphrase file " + file + " could not be read (" + e.getClass().getSimpleName()
                    + "); check the path and its permissions.");
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }

    private static char[] decodeUtf8(byte[] buf, int n, Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // UTF-8 never yields more UTF-16 units than bytes.
        char[] out = new char[n];
        CharBuffer cb = CharBuffer.wrap(out);
        var result = decoder.decode(ByteBuffer.wrap(buf, 0, n), cb, true);
        if (result.isError()) {
            Arrays.fill(out, '\0');
            throw new CeremonyError("The passphrase file " + file + " is not valid UTF-8; save it as UTF-8 text.");
        }
        decoder.flush(cb);
        char[] exact = Arrays.copyOf(out, cb.position());
        Arrays.fill(out, '\0');
        return exact;
    }

    /** The live array (not a copy); valid until {@link #destroy()}. */
    public char[] chars() {
        checkAlive();
        return chars;
    }

    public int length() {
        checkAlive();
        return chars.length;
    }

    /** True when empty or only whitespace. */
    public boolean isBlank() {
        checkAlive();
        for (char c : chars) {
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** The UTF-8 encoding in a fresh array that the caller must zero; no String is made. */
    public byte[] toUtf8() {
        checkAlive();
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // At most 3 bytes per UTF-16 unit (a surrogate pair, 2 units, is 4 bytes).
        byte[] tmp = new byte[chars.length * 3];
        try {
            ByteBuffer bb = ByteBuffer.wrap(tmp);
            var result = encoder.encode(CharBuffer.wrap(chars), bb, true);
            if (result.isError()) {
                throw new IllegalArgumentException("passphrase contains an unpaired surrogate");
            }
            encoder.flush(bb);
            return Arrays.copyOf(tmp, bb.position());
        } finally {
            Arrays.fill(tmp, (byte) 0);
        }
    }

    /** Constant-time comparison (time depends only on the lengths). */
    public boolean sameAs(Passphrase other) {
        checkAlive();
        other.checkAlive();
        byte[] a = toUtf8();
        byte[] b = other.toUtf8();
        try {
            return MessageDigest.isEqual(a, b);
        } finally {
            Arrays.fill(a, (byte) 0);
            Arrays.fill(b, (byte) 0);
        }
    }

    @Override
    public synchronized void destroy() {
        if (!destroyed) {
            Arrays.fill(chars, '\0');
            destroyed = true;
        }
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

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("passphrase already destroyed");
        }
    }
}
