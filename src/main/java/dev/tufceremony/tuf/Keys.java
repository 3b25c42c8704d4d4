package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading and writing a "keys" object (keyid to key object, spec §4.2/§4.3). */
final class Keys {
    private Keys() {
    }

    static Map<String, Key> read(JsonFields parent, String name) {
        Map<String, Key> keys = new LinkedHashMap<>();
        String path = parent.child(name);
        for (Map.Entry<String, JsonNode> e : parent.members(name).entrySet()) {
            keys.put(e.getKey(), readKey(JsonFields.of(parent.file(), JsonFields.childPath(path, e.getKey()), e.getValue())));
        }
        return Signed.sortedCopy(keys);
    }

    static Key readKey(JsonFields f) {
        // Read the shape ourselves so errors carry a JSON path (and faster than a tree-to-POJO
        // conversion); unknown fields are kept the way Jackson would bind them.
        Key key = new Key(f.string("keytype"), f.string("scheme"), f.stringMap("keyval"));
        f.unrecognized().forEach((name, value) -> key.putUnrecognized(name, Json.mapper().convertValue(value, Object.class)));
        return key;
    }

    static ObjectNode write(Map<String, Key> keys) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        keys.forEach((id, key) -> node.set(id, Json.mapper().valueToTree(key)));
        return node;
    }
}
