package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Python's {@code json.dumps(obj, indent=1, sort_keys=True)} layout, the one python-tuf writes, so
 * files we write look like files other TUF tools write. Non-ASCII is escaped as python does.
 */
final class PrettyJson {
    private PrettyJson() {
    }

    static String write(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb, 0);
        return sb.toString();
    }

    private static void write(JsonNode node, StringBuilder sb, int depth) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                sb.append("{}");
                return;
            }
            List<String> names = new ArrayList<>();
            Iterator<String> it = node.fieldNames();
            it.forEachRemaining(names::add);
            Collections.sort(names);
            sb.append('{');
            for (int i = 0; i < names.size(); i++) {
                newline(sb, depth + 1);
                string(names.get(i), sb);
                sb.append(": ");
                write(node.get(names.get(i)), sb, depth + 1);
                if (i < names.size() - 1) {
                    sb.append(',');
                }
            }
            newline(sb, depth);
            sb.append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                newline(sb, depth + 1);
                write(node.get(i), sb, depth + 1);
                if (i < node.size() - 1) {
                    sb.append(',');
                }
            }
            newline(sb, depth);
            sb.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), sb);
        } else if (node.isIntegralNumber()) {
            sb.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            sb.append(node.decimalValue().toString());
        } else if (node.isBoolean()) {
            sb.append(node.booleanValue() ? "true" : "false");
        } else if (node.isNull()) {
            sb.append("null");
        } else {
            throw new IllegalArgumentException("not JSON data: " + node.getNodeType());
        }
    }

    private static void newline(StringBuilder sb, int depth) {
        sb.append('\n');
        sb.append(" ".repeat(depth));
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
