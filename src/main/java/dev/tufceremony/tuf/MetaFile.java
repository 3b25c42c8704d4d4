package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An entry of "meta" in snapshot/timestamp (spec §4.4 METAFILES): version, optional length and hashes. */
public final class MetaFile {
    private final long version;
    private final Long length;
    private final Map<String, String> hashes;
    private final Map<String, JsonNode> unrecognized;

    public MetaFile(long version, Long length, Map<String, String> hashes, Map<String, JsonNode> unrecognized) {
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, not " + version);
        }
        if (length != null && length < 0) {
            throw new IllegalArgumentException("length must not be negative");
        }
        if (hashes != null && hashes.isEmpty()) {
            throw new IllegalArgumentException("hashes, when present, must not be empty");
        }
        this.version = version;
        this.length = length;
        this.hashes = hashes == null ? null : Collections2.sorted(hashes);
        this.unrecognized = Collections2.copyOf(unrecognized);
    }

    /** Version only: what python-tuf writes by default. */
    public static MetaFile of(long version) {
        return new MetaFile(version, null, null, Map.of());
    }

    /** Version, length and SHA-256 of the file's bytes. */
    public static MetaFile describing(long version, byte[] fileBytes) {
        return new MetaFile(version, (long) fileBytes.length, Map.of("sha256", Hashes.sha256(fileBytes)), Map.of());
    }

    public long version() {
        return version;
    }

    public Optional<Long> length() {
        return Optional.ofNullable(length);
    }

    /** Algorithm name to hex digest; empty map when the entry has no hashes. */
    public Map<String, String> hashes() {
        return hashes == null ? Map.of() : hashes;
    }

    public Map<String, JsonNode> unrecognized() {
        return unrecognized;
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        unrecognized.forEach((k, v) -> node.set(k, v.deepCopy()));
        JsonFields.putInteger(node, "version", version);
        if (length != null) {
            JsonFields.putInteger(node, "length", length);
        }
        if (hashes != null) {
            ObjectNode h = node.putObject("hashes");
            hashes.forEach(h::put);
        }
        return node;
    }

    static MetaFile fromJson(JsonFields f) {
        long version = f.integer("version", 1);
        Long length = f.has("length") ? f.integer("length", 0) : null;
        Map<String, String> hashes = null;
        if (f.has("hashes")) {
            hashes = f.stringMap("hashes");
            if (hashes.isEmpty()) {
                throw f.error("hashes", "must not be empty when present");
            }
        }
        return new MetaFile(version, length, hashes, f.unrecognized());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetaFile m && m.version == version && Objects.equals(m.length, length)
                && Objects.equals(m.hashes, hashes) && m.unrecognized.equals(unrecognized);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, length, hashes);
    }
}
