package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One delegated targets role (spec §4.5 DELEGATIONS): name, keys, threshold, paths, terminating. */
public final class DelegatedRole {
    private final String name;
    private final List<String> keyids;
    private final int threshold;
    private final boolean terminating;
    private final List<String> paths;
    private final List<String> pathHashPrefixes;
    private final Map<String, JsonNode> unrecognized;

    public DelegatedRole(String name, List<String> keyids, int threshold, boolean terminating, List<String> paths,
            List<String> pathHashPrefixes, Map<String, JsonNode> unrecognized) {
        this.name = Objects.requireNonNull(name, "name");
        this.keyids = List.copyOf(keyids);
        if (new HashSet<>(this.keyids).size() != this.keyids.size()) {
            throw new IllegalArgumentException("a role lists the same keyid twice");
        }
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        if ((paths == null) == (pathHashPrefixes == null)) {
            throw new IllegalArgumentException("a delegated role needs exactly one of paths and path_hash_prefixes");
        }
        this.threshold = threshold;
        this.terminating = terminating;
        this.paths = paths == null ? null : List.copyOf(paths);
        this.pathHashPrefixes = pathHashPrefixes == null ? null : List.copyOf(pathHashPrefixes);
        this.unrecognized = Collections2.copyOf(unrecognized);
    }

    public String name() {
        return name;
    }

    public List<String> keyids() {
        return keyids;
    }

    public int threshold() {
        return threshold;
    }

    public boolean terminating() {
        return terminating;
    }

    public Optional<List<String>> paths() {
        return Optional.ofNullable(paths);
    }

    public Optional<List<String>> pathHashPrefixes() {
        return Optional.ofNullable(pathHashPrefixes);
    }

    public Map<String, JsonNode> unrecognized() {
        return unrecognized;
    }

    /** As a {@link Role}, for threshold checks. */
    public Role asRole() {
        return new Role(keyids, threshold);
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        unrecognized.forEach((k, v) -> node.set(k, v.deepCopy()));
        node.put("name", name);
        Role.writeKeyidsAndThreshold(node, keyids, threshold);
        node.put("terminating", terminating);
        if (paths != null) {
            paths.forEach(node.putArray("paths")::add);
        } else {
            pathHashPrefixes.forEach(node.putArray("path_hash_prefixes")::add);
        }
        return node;
    }

    static DelegatedRole fromJson(JsonFields f, Map<String, Key> keys) {
        String name = f.string("name");
        List<String> keyids = Role.readKeyids(f);
        for (String id : keyids) {
            if (!keys.containsKey(id)) {
                throw f.error("keyids", "lists keyid " + id + " that is not in the delegations' keys");
            }
        }
        int threshold = Role.readThreshold(f);
        boolean terminating = f.bool("terminating");
        boolean hasPaths = f.has("paths");
        if (hasPaths == f.has("path_hash_prefixes")) {
            throw new MetadataFormatException(f.file(), f.path(), "must have exactly one of \"paths\" and \"path_hash_prefixes\"");
        }
        List<String> paths = hasPaths ? f.stringList("paths") : null;
        List<String> prefixes = hasPaths ? null : f.stringList("path_hash_prefixes");
        return new DelegatedRole(name, keyids, threshold, terminating, paths, prefixes, f.unrecognized());
    }
}
