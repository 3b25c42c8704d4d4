package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One JSON object being read into the model: typed accessors that fail with the JSON path of the
 * field, and the fields nobody asked for (kept as "unrecognized" so they survive a round trip).
 */
final class JsonFields {
    private final String file;
    private final String path;
    private final ObjectNode node;
    private final Set<String> consumed = new java.util.HashSet<>();

    private JsonFields(String file, String path, ObjectNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    static JsonFields of(String file, String path, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new MetadataFormatException(file, path, "must be a JSON object, found " + describe(node));
        }
        return new JsonFields(file, path, (ObjectNode) node);
    }

    String file() {
        return file;
    }

    String path() {
        return path;
    }

    ObjectNode node() {
        return node;
    }

    String child(String name) {
        return childPath(path, name);
    }

    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static String childPath(String path, String name) {
        return IDENTIFIER.matcher(name).matches() ? path + "." + name : path + "[\"" + name.replace("\"", "\\\"") + "\"]";
    }

    MetadataFormatException error(String name, String problem) {
        return new MetadataFormatException(file, child(name), problem);
    }

    boolean has(String name) {
        return node.has(name);
    }

    JsonNode required(String name) {
        consumed.add(name);
        JsonNode value = node.get(name);
        if (value == null) {
            throw new MetadataFormatException(file, path, "is missing the required field \"" + name + "\"");
        }
        return value;
    }

    JsonNode optional(String name) {
        consumed.add(name);
        return node.get(name);
    }

    String string(String name) {
        JsonNode v = required(name);
        if (!v.isTextual()) {
            throw error(name, "must be a string, found " + describe(v));
        }
        return v.textValue();
    }

    boolean bool(String name) {
        JsonNode v = required(name);
        if (!v.isBoolean()) {
            throw error(name, "must be true or false, found " + describe(v));
        }
        return v.booleanValue();
    }

    /** An integer in the range of a Java long with at least the given value. */
    long integer(String name, long min) {
        return integerValue(file, child(name), required(name), min);
    }

    static long integerValue(String file, String path, JsonNode v, long min) {
        if (!v.isIntegralNumber()) {
            throw new MetadataFormatException(file, path, "must be an integer, found " + describe(v));
        }
        if (!v.canConvertToLong()) {
            throw new MetadataFormatException(file, path, "is too large");
        }
        long value = v.longValue();
        if (value < min) {
            throw new MetadataFormatException(file, path, "must be at least " + min + ", found " + value);
        }
        return value;
    }

    JsonFields object(String name) {
        return of(file, child(name), required(name));
    }

    /** Members of an object field in document order, each value as a JsonNode. */
    Map<String, JsonNode> members(String name) {
        JsonNode v = required(name);
        if (!v.isObject()) {
            throw error(name, "must be a JSON object, found " + describe(v));
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    Map<String, String> stringMap(String name) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : members(name).entrySet()) {
            if (!e.getValue().isTextual()) {
                throw new MetadataFormatException(file, childPath(child(name), e.getKey()),
                        "must be a string, found " + describe(e.getValue()));
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    List<String> stringList(String name) {
        JsonNode v = required(name);
        if (!v.isArray()) {
            throw error(name, "must be a JSON array, found " + describe(v));
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new MetadataFormatException(file, child(name) + "[" + i + "]", "must be a string, found " + describe(e));
            }
            out.add(e.textValue());
            i++;
        }
        return out;
    }

    /** Every field not read through this object, in sorted order, as deep copies. */
    Map<String, JsonNode> unrecognized() {
        Map<String, JsonNode> out = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!consumed.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue().deepCopy());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Puts an integer as the node type the shared mapper parses integers to, so trees compare equal. */
    static void putInteger(ObjectNode node, String name, long value) {
        node.put(name, java.math.BigInteger.valueOf(value));
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        switch (v.getNodeType()) {
            case OBJECT: return "an object";
            case ARRAY: return "an array";
            case STRING: return "a string";
            case BOOLEAN: return "a boolean";
            case NULL: return "null";
            case NUMBER: return v.isIntegralNumber() ? "an integer" : "a non-integer number";
            default: return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
