package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * OLPC canonical JSON, byte for byte as securesystemslib's {@code encode_canonical}: keys sorted by
 * code point, no whitespace, only {@code "} and {@code \} escaped, everything else raw UTF-8,
 * integers only. Signatures (TUF spec §4.2 "signed") are computed over these bytes.
 */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    public static byte[] encode(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(node, out, "$");
        return out.toByteArray();
    }

    public static byte[] encode(Object value) {
        if (value instanceof JsonNode node) {
            return encode(node);
        }
        return encode((JsonNode) Json.mapper().valueToTree(value));
    }

    private static void write(JsonNode node, ByteArrayOutputStream out, String path) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    fields.add(it.next());
                }
                // Python sorts str keys by code point; String.compareTo sorts by UTF-16 unit.
                fields.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
                out.write('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> field : fields) {
                    if (!first) {
                        out.write(',');
                    }
                    first = false;
                    writeString(field.getKey(), out);
                    out.write(':');
                    write(field.getValue(), out, path + "." + field.getKey());
                }
                out.write('}');
            }
            case ARRAY -> {
                out.write('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    write(node.get(i), out, path + "[" + i + "]");
                }
                out.write(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    throw new CanonicalJsonException("The value at " + path + " is a non-integer number ("
                            + node.asText() + "); canonical JSON allows integers only.");
                }
                writeRaw(node.bigIntegerValue().toString(), out);
            }
            case BOOLEAN -> writeRaw(node.booleanValue() ? "true" : "false", out);
            case NULL -> writeRaw("null", out);
            default -> throw new CanonicalJsonException("The value at " + path + " is of type "
                    + node.getNodeType() + ", which canonical JSON cannot encode.");
        }
    }

    private static void writeString(String s, ByteArrayOutputStream out) {
        out.write('"');
        byte[] utf8 = s.replace("\\", "\\\\").replace("\"", "\\\"").getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
        out.write('"');
    }

    private static void writeRaw(String s, ByteArrayOutputStream out) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        out.write(b, 0, b.length);
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
