package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Immutable copies used by the model. */
final class Collections2 {
    private Collections2() {
    }

    /** Deep, sorted, unmodifiable copy of unrecognized fields (JsonNode is mutable). */
    static Map<String, JsonNode> copyOf(Map<String, JsonNode> unrecognized) {
        if (unrecognized == null || unrecognized.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, JsonNode> copy = new TreeMap<>();
        unrecognized.forEach((k, v) -> copy.put(k, v.deepCopy()));
        return Collections.unmodifiableMap(copy);
    }

    static <V> Map<String, V> sorted(Map<String, V> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }

    static <V> List<V> list(List<V> list) {
        return List.copyOf(list);
    }
}
