package dev.tufceremony.backup;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The textual header of an age v1 file (age v1, "Header"): the version line, recipient stanzas,
 * and the MAC line. Parsing is strict: LF line ends only, canonical base64, body lines of exactly
 * 64 columns closed by a shorter (possibly empty) one, non-empty printable arguments.
 */
final class AgeHeader {
    static final String VERSION_LINE = "age-encryption.org/v1";
    static final int COLUMNS = 64;

    final List<Stanza> stanzas;
    final byte[] mac;
    /** Length of the bytes the MAC covers: from the start through the "---" of the MAC line. */
    final int macInputLength;
    /** Offset of the first byte after the header (the payload nonce). */
    final int payloadOffset;

    private AgeHeader(List<Stanza> stanzas, byte[] mac, int macInputLength, int payloadOffset) {
        this.stanzas = stanzas;
        this.mac = mac;
        this.macInputLength = macInputLength;
        this.payloadOffset = payloadOffset;
    }

    static AgeHeader parse(byte[] file) {
        if (file.length == 0) {
            throw AgeException.header("The file is empty, so it is not an age file.");
        }
        Lines lines = new Lines(file);
        String first = lines.next();
        if (first == null || !first.equals(VERSION_LINE)) {
            String start = new String(file, 0, Math.min(file.length, 40), StandardCharsets.ISO_8859_1);
            if (start.startsWith("age-encryption.org/") && !start.startsWith(VERSION_LINE + "\n")) {
                throw AgeException.header("The file is not age format v1 (its first line is not exactly '"
                        + VERSION_LINE + "'): it needs a newer or other age reader.");
            }
            throw AgeException.header("The file does not start with '" + VERSION_LINE + "', so it is not an age file.");
        }
        List<Stanza> stanzas = new ArrayList<>();
        while (true) {
            int lineStart = lines.position();
            String line = lines.next();
            if (line == null) {
                throw AgeException.header("The age header ends before its MAC line ('--- ...'): the file is truncated.");
            }
            if (line.startsWith("-> ")) {
                stanzas.add(parseStanza(line, lines));
            } else if (line.startsWith("---")) {
                String[] parts = line.split(" ", -1);
                if (parts.length != 2 || !parts[0].equals("---")) {
                    throw AgeException.header("The age header's MAC line is malformed (it must be '--- ' and one base64 value).");
                }
                byte[] mac = AgeBase64.decode(parts[1]);
                if (mac == null || mac.length != 32) {
                    throw AgeException.header("The age header's MAC is not 32 bytes of canonical base64.");
                }
                return new AgeHeader(List.copyOf(stanzas), mac, lineStart + 3, lines.position());
            } else {
                throw AgeException.header("The age header has a line that is neither a recipient stanza ('-> ...')"
                        + " nor the MAC line ('--- ...').");
            }
        }
    }

    private static Stanza parseStanza(String line, Lines lines) {
        String[] args = line.substring(3).split(" ", -1);
        for (String arg : args) {
            if (arg.isEmpty()) {
                throw AgeException.header("An age recipient stanza has an empty argument (two spaces, or a space at the end).");
            }
            for (int i = 0; i < arg.length(); i++) {
                char c = arg.charAt(i);
                if (c < 0x21 || c > 0x7e) {
                    throw AgeException.header("An age recipient stanza has a character outside printable ASCII in its arguments.");
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String bodyLine = lines.next();
            if (bodyLine == null) {
                throw AgeException.header("The age header ends inside a recipient stanza's body: the file is truncated.");
            }
            if (bodyLine.length() > COLUMNS) {
                throw AgeException.header("A recipient stanza's body line is longer than 64 columns.");
            }
            byte[] decoded = AgeBase64.decode(bodyLine);
            if (decoded == null) {
                throw AgeException.header("A recipient stanza's body line is not canonical unpadded base64.");
            }
            body.writeBytes(decoded);
            if (bodyLine.length() < COLUMNS) {
                break;
            }
        }
        return new Stanza(args[0], Arrays.asList(args).subList(1, args.length), body.toByteArray());
    }

    /** The header through "---" (what the MAC covers), for the given stanzas. */
    static byte[] encodeWithoutMac(List<Stanza> stanzas) {
        StringBuilder sb = new StringBuilder(VERSION_LINE).append('\n');
        for (Stanza s : stanzas) {
            sb.append("-> ").append(s.type());
            for (String arg : s.args()) {
                sb.append(' ').append(arg);
            }
            sb.append('\n');
            String b64 = AgeBase64.encode(s.bodyView());
            // Full 64-column lines, then always a shorter final line, empty if need be.
            int i = 0;
            for (; i + COLUMNS <= b64.length(); i += COLUMNS) {
                sb.append(b64, i, i + COLUMNS).append('\n');
            }
            sb.append(b64, i, b64.length()).append('\n');
        }
        sb.append("---");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Splits on LF only, as age does; a CR stays in the line and fails the strict checks. */
    private static final class Lines {
        /** Far above any stanza age defines; stops a binary file from being read as one huge line. */
        private static final int MAX_LINE = 1 << 16;
        private final byte[] data;
        private int pos;

        Lines(byte[] data) {
            this.data = data;
        }

        int position() {
            return pos;
        }

        /** The next LF-terminated line without its LF, or null if no complete line is left. */
        String next() {
            for (int i = pos; i < data.length; i++) {
                if (i - pos > MAX_LINE) {
                    throw AgeException.header("The age header has a line longer than " + MAX_LINE + " bytes, so it is not a valid age header.");
                }
                if (data[i] == '\n') {
                    String line = new String(data, pos, i - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    return line;
                }
            }
            return null;
        }
    }
}
