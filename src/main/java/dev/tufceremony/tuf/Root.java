package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** root.json's signed part (spec §4.3): the keys and thresholds of the four top-level roles. */
public final class Root extends Signed {
    public static final String TYPE = "root";
    /** The top-level roles, each of which root MUST define. */
    public static final List<String> TOP_LEVEL_ROLES = List.of("root", "targets", "snapshot", "timestamp");

    private final Boolean consistentSnapshot;
    private final Map<String, Key> keys;
    private final Map<String, Role> roles;

    public Root(String specVersion, long version, Instant expires, Boolean consistentSnapshot, Map<String, Key> keys,
            Map<String, Role> roles, Map<String, JsonNode> unrecognized) {
        super(specVersion, version, expires, unrecognized);
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(roles, "roles");
        if (!roles.keySet().equals(new HashSet<>(TOP_LEVEL_ROLES))) {
            throw new IllegalArgumentException("root must define exactly the roles " + TOP_LEVEL_ROLES + ", not " + roles.keySet());
        }
        for (Map.Entry<String, Role> r : roles.entrySet()) {
            for (String keyid : r.getValue().keyids()) {
                if (!keys.containsKey(keyid)) {
                    throw new IllegalArgumentException("role " + r.getKey() + " lists keyid " + keyid + " that is not in keys");
                }
            }
        }
        this.consistentSnapshot = consistentSnapshot;
        this.keys = sortedCopy(keys);
        this.roles = sortedCopy(roles);
    }

    /**
     * Version 1 with no keys yet: every role has threshold 1 and no keyids until
     * {@link #withRoleKeys} sets them. Fields python-tuf writes, consistent_snapshot explicit.
     */
    public static Root initial(Instant expires, boolean consistentSnapshot) {
        Map<String, Role> roles = new LinkedHashMap<>();
        TOP_LEVEL_ROLES.forEach(r -> roles.put(r, new Role(List.of(), 1)));
        return new Root(SPEC_VERSION, 1, expiryOf(expires), consistentSnapshot, Map.of(), roles, Map.of());
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Spec §4.3: absent means false. */
    public boolean consistentSnapshot() {
        return Boolean.TRUE.equals(consistentSnapshot);
    }

    /** Whether the field is written at all (python-tuf may omit it). */
    public boolean hasConsistentSnapshotField() {
        return consistentSnapshot != null;
    }

    /** keyid (as written) to key object, sorted. */
    public Map<String, Key> keys() {
        return keys;
    }

    public Map<String, Role> roles() {
        return roles;
    }

    public Role role(String name) {
        Role r = roles.get(name);
        if (r == null) {
            throw new IllegalArgumentException("not a top-level role: " + name);
        }
        return r;
    }

    /** The key objects of a role, in the role's keyid order. */
    public List<Key> keysOf(String roleName) {
        List<Key> out = new ArrayList<>();
        for (String id : role(roleName).keyids()) {
            out.add(keys.get(id));
        }
        return out;
    }

    public Optional<Key> key(String keyid) {
        return Optional.ofNullable(keys.get(keyid));
    }

    @Override
    public Root withVersion(long newVersion) {
        return new Root(specVersion(), newVersion, expires(), consistentSnapshot, keys, roles, unrecognized());
    }

    @Override
    public Root withExpires(Instant newExpires) {
        return new Root(specVersion(), version(), expiryOf(newExpires), consistentSnapshot, keys, roles, unrecognized());
    }

    public Root withConsistentSnapshot(boolean value) {
        return new Root(specVersion(), version(), expires(), value, keys, roles, unrecognized());
    }

    /** The next root version (N+1) with everything else unchanged; change keys and expiry on the result. */
    public Root next() {
        return withVersion(version() + 1);
    }

    /**
     * Replaces a role's keys and threshold. Keys are stored under their computed keyid; keys that no
     * role uses any more are dropped from "keys".
     */
    public Root withRoleKeys(String roleName, List<Key> roleKeys, int threshold) {
        Role old = role(roleName);
        Map<String, Key> newKeys = new TreeMap<>(keys);
        List<String> ids = new ArrayList<>();
        for (Key k : roleKeys) {
            String id = k.keyId();
            newKeys.put(id, k);
            ids.add(id);
        }
        Map<String, Role> newRoles = new TreeMap<>(roles);
        newRoles.put(roleName, new Role(ids, threshold, old.unrecognized()));
        Set<String> used = new HashSet<>();
        newRoles.values().forEach(r -> used.addAll(r.keyids()));
        newKeys.keySet().retainAll(used);
        return new Root(specVersion(), version(), expires(), consistentSnapshot, newKeys, newRoles, unrecognized());
    }

    @Override
    void writeFields(ObjectNode node) {
        if (consistentSnapshot != null) {
            node.put("consistent_snapshot", consistentSnapshot);
        }
        node.set("keys", Keys.write(keys));
        ObjectNode r = node.putObject("roles");
        roles.forEach((name, role) -> r.set(name, role.toJson()));
    }

    static Root fromJson(JsonFields f) {
        Common c = readCommon(f, TYPE);
        Boolean cs = f.has("consistent_snapshot") ? f.bool("consistent_snapshot") : null;
        Map<String, Key> keys = Keys.read(f, "keys");
        Map<String, Role> roles = new TreeMap<>();
        JsonFields rolesObj = f.object("roles");
        for (String name : f.members("roles").keySet()) {
            if (!TOP_LEVEL_ROLES.contains(name)) {
                throw new MetadataFormatException(f.file(), rolesObj.child(name), "is not a top-level role (root, targets, snapshot, timestamp)");
            }
            JsonFields roleObj = rolesObj.object(name);
            Role role = Role.fromJson(roleObj);
            for (String keyid : role.keyids()) {
                if (!keys.containsKey(keyid)) {
                    throw new MetadataFormatException(f.file(), roleObj.child("keyids"), "lists keyid " + keyid + " that is not in keys");
                }
            }
            roles.put(name, role);
        }
        for (String name : TOP_LEVEL_ROLES) {
            if (!roles.containsKey(name)) {
                throw new MetadataFormatException(f.file(), f.child("roles"), "is missing the role \"" + name + "\"");
            }
        }
        return new Root(c.specVersion(), c.version(), c.expires(), cs, keys, roles, f.unrecognized());
    }
}
