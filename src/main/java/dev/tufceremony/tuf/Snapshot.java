package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** snapshot.json's signed part (spec §4.4): versions of targets.json and delegated targets files. */
public final class Snapshot extends Signed {
    public static final String TYPE = "snapshot";
    public static final String TARGETS_JSON = "targets.json";

    private final Map<String, MetaFile> meta;

    public Snapshot(String specVersion, long version, Instant expires, Map<String, MetaFile> meta, Map<String, JsonNode> unrecognized) {
        super(specVersion, version, expires, unrecognized);
        this.meta = sortedCopy(Objects.requireNonNull(meta, "meta"));
    }

    public static Snapshot initial(Instant expires, MetaFile targetsMeta) {
        return new Snapshot(SPEC_VERSION, 1, expiryOf(expires), Map.of(TARGETS_JSON, targetsMeta), Map.of());
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** File name (e.g. "targets.json") to its entry. */
    public Map<String, MetaFile> meta() {
        return meta;
    }

    @Override
    public Snapshot withVersion(long newVersion) {
        return new Snapshot(specVersion(), newVersion, expires(), meta, unrecognized());
    }

    @Override
    public Snapshot withExpires(Instant newExpires) {
        return new Snapshot(specVersion(), version(), expiryOf(newExpires), meta, unrecognized());
    }

    public Snapshot withMeta(String fileName, MetaFile entry) {
        Map<String, MetaFile> m = new LinkedHashMap<>(meta);
        m.put(fileName, entry);
        return new Snapshot(specVersion(), version(), expires(), m, unrecognized());
    }

    @Override
    void writeFields(ObjectNode node) {
        ObjectNode m = node.putObject("meta");
        meta.forEach((name, file) -> m.set(name, file.toJson()));
    }

    static Map<String, MetaFile> readMeta(JsonFields f) {
        Map<String, MetaFile> meta = new LinkedHashMap<>();
        JsonFields metaObj = f.object("meta");
        for (String name : f.members("meta").keySet()) {
            meta.put(name, MetaFile.fromJson(metaObj.object(name)));
        }
        return meta;
    }

    static Snapshot fromJson(JsonFields f) {
        Common c = readCommon(f, TYPE);
        return new Snapshot(c.specVersion(), c.version(), c.expires(), readMeta(f), f.unrecognized());
    }
}
