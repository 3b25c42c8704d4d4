package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A top-level role in root.json (spec §4.3): which keys may sign for it and how many must. */
public final class Role {
    private final List<String> keyids;
    private final int threshold;
    private final Map<String, JsonNode> unrecognized;

    public Role(List<String> keyids, int threshold) {
        this(keyids, threshold, Map.of());
    }

    public Role(List<String> keyids, int threshold, Map<String, JsonNode> unrecognized) {
        this.keyids = List.copyOf(Objects.requireNonNull(keyids, "keyids"));
        if (new HashSet<>(this.keyids).size() != this.keyids.size()) {
            throw new IllegalArgumentException("a role lists the same keyid twice: " + keyids);
        }
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, not " + threshold);
        }
        this.threshold = threshold;
        this.unrecognized = Collections2.copyOf(unrecognized);
    }

    public List<String> keyids() {
        return keyids;
    }

    public int threshold() {
        return threshold;
    }

    public Map<String, JsonNode> unrecognized() {
        return unrecognized;
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        unrecognized.forEach((k, v) -> node.set(k, v.deepCopy()));
        writeKeyidsAndThreshold(node, keyids, threshold);
        return node;
    }

    static void writeKeyidsAndThreshold(ObjectNode node, List<String> keyids, int threshold) {
        keyids.forEach(node.putArray("keyids")::add);
        JsonFields.putInteger(node, "threshold", threshold);
    }

    static Role fromJson(JsonFields f) {
        List<String> keyids = readKeyids(f);
        int threshold = readThreshold(f);
        return new Role(keyids, threshold, f.unrecognized());
    }

    static List<String> readKeyids(JsonFields f) {
        List<String> keyids = f.stringList("keyids");
        if (new HashSet<>(keyids).size() != keyids.size()) {
            throw f.error("keyids", "lists the same keyid more than once");
        }
        return keyids;
    }

    static int readThreshold(JsonFields f) {
        long t = f.integer("threshold", 1);
        if (t > Integer.MAX_VALUE) {
            throw f.error("threshold", "is too large");
        }
        return (int) t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Role r && r.keyids.equals(keyids) && r.threshold == threshold && r.unrecognized.equals(unrecognized);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyids, threshold);
    }

    @Override
    public String toString() {
        return "Role[threshold=" + threshold + ", keyids=" + keyids + "]";
    }
}
