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
        // Validate the shape ourselves so errors carry a JSON path; then let Key keep unknown fields.
        f.string("keytype");
        f.string("scheme");
        f.stringMap("keyval");
        try {
            return Json.mapper().treeToValue(f.node(), Key.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new MetadataFormatException(f.file(), f.path(), "is not a valid key object");
        }
    }

    static ObjectNode write(Map<String, Key> keys) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        keys.forEach((id, key) -> node.set(id, Json.mapper().valueToTree(key)));
        return node;
    }
}
