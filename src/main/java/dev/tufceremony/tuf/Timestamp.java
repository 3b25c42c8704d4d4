package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** timestamp.json's signed part (spec §4.6): version (and optionally length/hashes) of snapshot.json. */
public final class Timestamp extends Signed {
    public static final String TYPE = "timestamp";
    public static final String SNAPSHOT_JSON = "snapshot.json";

    private final Map<String, MetaFile> meta;

    public Timestamp(String specVersion, long version, Instant expires, Map<String, MetaFile> meta, Map<String, JsonNode> unrecognized) {
        super(specVersion, version, expires, unrecognized);
        Objects.requireNonNull(meta, "meta");
        if (!meta.containsKey(SNAPSHOT_JSON)) {
            throw new IllegalArgumentException("timestamp meta must describe snapshot.json");
        }
        this.meta = sortedCopy(meta);
    }

    public static Timestamp initial(Instant expires, MetaFile snapshotMeta) {
        return new Timestamp(SPEC_VERSION, 1, expiryOf(expires), Map.of(SNAPSHOT_JSON, snapshotMeta), Map.of());
    }

    @Override
    public String type() {
        return TYPE;
    }

    public MetaFile snapshotMeta() {
        return meta.get(SNAPSHOT_JSON);
    }

    public Map<String, MetaFile> meta() {
        return meta;
    }

    @Override
    public Timestamp withVersion(long newVersion) {
        return new Timestamp(specVersion(), newVersion, expires(), meta, unrecognized());
    }

    @Override
    public Timestamp withExpires(Instant newExpires) {
        return new Timestamp(specVersion(), version(), expiryOf(newExpires), meta, unrecognized());
    }

    public Timestamp withSnapshotMeta(MetaFile snapshotMeta) {
        Map<String, MetaFile> m = new LinkedHashMap<>(meta);
        m.put(SNAPSHOT_JSON, snapshotMeta);
        return new Timestamp(specVersion(), version(), expires(), m, unrecognized());
    }

    @Override
    void writeFields(ObjectNode node) {
        ObjectNode m = node.putObject("meta");
        meta.forEach((name, file) -> m.set(name, file.toJson()));
    }

    static Timestamp fromJson(JsonFields f) {
        Common c = readCommon(f, TYPE);
        Map<String, MetaFile> meta = Snapshot.readMeta(f);
        if (!meta.containsKey(SNAPSHOT_JSON)) {
            throw new MetadataFormatException(f.file(), f.child("meta"), "must describe snapshot.json");
        }
        return new Timestamp(c.specVersion(), c.version(), c.expires(), meta, f.unrecognized());
    }
}
