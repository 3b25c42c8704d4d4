package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/** An entry of "targets" in targets metadata (spec §4.5 TARGETS): length, hashes, optional custom. */
public final class TargetFile {
    private final long length;
    private final Map<String, String> hashes;
    private final Map<String, JsonNode> unrecognized;

    public TargetFile(long length, Map<String, String> hashes, Map<String, JsonNode> unrecognized) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative");
        }
        if (hashes == null || hashes.isEmpty()) {
            throw new IllegalArgumentException("a target needs at least one hash");
        }
        this.length = length;
        this.hashes = Collections2.sorted(hashes);
        this.unrecognized = Collections2.copyOf(unrecognized);
    }

    /** Length and SHA-256 of the content. */
    public static TargetFile of(byte[] content) {
        return new TargetFile(content.length, Map.of("sha256", Hashes.sha256(content)), Map.of());
    }

    public long length() {
        return length;
    }

    public Map<String, String> hashes() {
        return hashes;
    }

    /** Includes "custom" when present. */
    public Map<String, JsonNode> unrecognized() {
        return unrecognized;
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        unrecognized.forEach((k, v) -> node.set(k, v.deepCopy()));
        JsonFields.putInteger(node, "length", length);
        ObjectNode h = node.putObject("hashes");
        hashes.forEach(h::put);
        return node;
    }

    static TargetFile fromJson(JsonFields f) {
        long length = f.integer("length", 0);
        Map<String, String> hashes = f.stringMap("hashes");
        if (hashes.isEmpty()) {
            throw f.error("hashes", "must name at least one hash");
        }
        return new TargetFile(length, hashes, f.unrecognized());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetFile t && t.length == length && t.hashes.equals(hashes) && t.unrecognized.equals(unrecognized);
    }

    @Override
    public int hashCode() {
        return Objects.hash(length, hashes);
    }
}
