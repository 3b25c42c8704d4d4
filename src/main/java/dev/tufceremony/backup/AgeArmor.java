package dev.tufceremony.backup;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * age's ASCII armor (age v1, "ASCII armor"): RFC 7468 strict encoding with the label
 * {@code AGE ENCRYPTED FILE}: padded canonical base64 in lines of exactly 64 columns but the last,
 * no headers, no blank lines. Whitespace is allowed only around the whole block; lines may end in
 * CRLF. Key backups are written unarmored; reading armor lets an operator open a file that someone
 * produced with {@code age --armor}.
 */
public final class AgeArmor {
    static final String BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----";
    static final String END = "-----END AGE ENCRYPTED FILE-----";
    private static final int COLUMNS = 64;

    private AgeArmor() {
    }

    /** True if {@code file}, after leading whitespace, starts with the armor's BEGIN line. */
    public static boolean looksArmored(byte[] file) {
        int i = 0;
        while (i < file.length && isSpace(file[i])) {
            i++;
        }
        byte[] begin = BEGIN.getBytes(StandardCharsets.US_ASCII);
        if (file.length - i < begin.length) {
            return false;
        }
        for (int k = 0; k < begin.length; k++) {
            if (file[i + k] != begin[k]) {
                return false;
            }
        }
        return true;
    }

    public static byte[] encode(byte[] binary) {
        String b64 = Base64.getEncoder().encodeToString(binary);
        StringBuilder sb = new StringBuilder(b64.length() + b64.length() / COLUMNS + 80).append(BEGIN).append('\n');
        for (int i = 0; i < b64.length(); i += COLUMNS) {
            sb.append(b64, i, Math.min(b64.length(), i + COLUMNS)).append('\n');
        }
        return sb.append(END).append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The binary age file inside the armor; an {@link AgeException.Stage#ARMOR} failure if the armor is not strict. */
    public static byte[] decode(byte[] armored) {
        int start = 0;
        int end = armored.length;
        while (start < end && isSpace(armored[start])) {
            start++;
        }
        while (end > start && isSpace(armored[end - 1])) {
            end--;
        }
        String text = new String(armored, start, end - start, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("\r")) {
                lines[i] = lines[i].substring(0, lines[i].length() - 1);
            }
        }
        if (lines.length < 2 || !lines[0].equals(BEGIN)) {
            throw armor("The armored file does not start with '" + BEGIN + "' (only whitespace may come before it).");
        }
        if (!lines[lines.length - 1].equals(END)) {
            throw armor("The armored file does not end with '" + END + "' (only whitespace may come after it).");
        }
        StringBuilder b64 = new StringBuilder();
        for (int i = 1; i < lines.length - 1; i++) {
            String line = lines[i];
            boolean lastData = i == lines.length - 2;
            if (line.isEmpty() || line.length() > COLUMNS || (!lastData && line.length() != COLUMNS)) {
                throw armor("The armored file has a line that is empty, longer than 64 columns, or short before the last line.");
            }
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
                if (!ok) {
                    throw armor("The armored file has a character that is not base64 (or a header line, which age armor does not allow).");
                }
            }
            b64.append(line);
        }
        String s = b64.toString();
        byte[] out;
        try {
            if (s.length() % 4 != 0) {
                throw new IllegalArgumentException("unpadded");
            }
            out = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw armor("The armored file's base64 is not valid padded base64.");
        }
        if (!Base64.getEncoder().encodeToString(out).equals(s)) {
            throw armor("The armored file's base64 is not canonical.");
        }
        return out;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static AgeException armor(String message) {
        return new AgeException(AgeException.Stage.ARMOR, message);
    }
}
