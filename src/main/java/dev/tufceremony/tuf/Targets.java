package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** targets.json's signed part (spec §4.5): target files and, optionally, delegations. */
public final class Targets extends Signed {
    public static final String TYPE = "targets";

    private final Map<String, TargetFile> targets;
    private final Delegations delegations;

    public Targets(String specVersion, long version, Instant expires, Map<String, TargetFile> targets, Delegations delegations,
            Map<String, JsonNode> unrecognized) {
        super(specVersion, version, expires, unrecognized);
        this.targets = sortedCopy(Objects.requireNonNull(targets, "targets"));
        this.delegations = delegations;
    }

    /** Version 1 with no targets, as a bootstrap ceremony signs it. */
    public static Targets initial(Instant expires) {
        return new Targets(SPEC_VERSION, 1, expiryOf(expires), Map.of(), null, Map.of());
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Target path (relative, '/'-separated) to its entry. */
    public Map<String, TargetFile> targets() {
        return targets;
    }

    public Optional<Delegations> delegations() {
        return Optional.ofNullable(delegations);
    }

    @Override
    public Targets withVersion(long newVersion) {
        return new Targets(specVersion(), newVersion, expires(), targets, delegations, unrecognized());
    }

    @Override
    public Targets withExpires(Instant newExpires) {
        return new Targets(specVersion(), version(), expiryOf(newExpires), targets, delegations, unrecognized());
    }

    public Targets withTarget(String path, TargetFile file) {
        Map<String, TargetFile> t = new LinkedHashMap<>(targets);
        t.put(path, file);
        return new Targets(specVersion(), version(), expires(), t, delegations, unrecognized());
    }

    @Override
    void writeFields(ObjectNode node) {
        ObjectNode t = node.putObject("targets");
        targets.forEach((path, file) -> t.set(path, file.toJson()));
        if (delegations != null) {
            node.set("delegations", delegations.toJson());
        }
    }

    static Targets fromJson(JsonFields f) {
        Common c = readCommon(f, TYPE);
        Map<String, TargetFile> targets = new LinkedHashMap<>();
        JsonFields targetsObj = f.object("targets");
        for (String path : f.members("targets").keySet()) {
            targets.put(path, TargetFile.fromJson(targetsObj.object(path)));
        }
        Delegations delegations = f.has("delegations") ? Delegations.fromJson(f.object("delegations")) : null;
        return new Targets(c.specVersion(), c.version(), c.expires(), targets, delegations, f.unrecognized());
    }
}
