package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * "delegations" of targets metadata (spec §4.5), kept as data: keys and an ordered list of roles.
 * TAP 15 "succinct_roles" is kept as raw JSON.
 */
public final class Delegations {
    private final Map<String, Key> keys;
    private final List<DelegatedRole> roles;
    private final JsonNode succinctRoles;
    private final Map<String, JsonNode> unrecognized;

    public Delegations(Map<String, Key> keys, List<DelegatedRole> roles, JsonNode succinctRoles, Map<String, JsonNode> unrecognized) {
        Objects.requireNonNull(keys, "keys");
        if ((roles == null) == (succinctRoles == null)) {
            throw new IllegalArgumentException("delegations need exactly one of roles and succinct_roles");
        }
        if (roles != null) {
            Set<String> names = new HashSet<>();
            for (DelegatedRole r : roles) {
                if (!names.add(r.name())) {
                    throw new IllegalArgumentException("delegated role " + r.name() + " appears twice");
                }
            }
        }
        this.keys = Collections2.sorted(keys);
        this.roles = roles == null ? null : List.copyOf(roles);
        this.succinctRoles = succinctRoles == null ? null : succinctRoles.deepCopy();
        this.unrecognized = Collections2.copyOf(unrecognized);
    }

    public Map<String, Key> keys() {
        return keys;
    }

    /** Delegated roles in order of appearance (spec §5.6.7 searches them in this order). */
    public List<DelegatedRole> roles() {
        return roles == null ? List.of() : roles;
    }

    public Optional<JsonNode> succinctRoles() {
        return Optional.ofNullable(succinctRoles).map(JsonNode::deepCopy);
    }

    public Map<String, JsonNode> unrecognized() {
        return unrecognized;
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        unrecognized.forEach((k, v) -> node.set(k, v.deepCopy()));
        node.set("keys", Keys.write(keys));
        if (roles != null) {
            ArrayNode arr = node.putArray("roles");
            roles.forEach(r -> arr.add(r.toJson()));
        } else {
            node.set("succinct_roles", succinctRoles.deepCopy());
        }
        return node;
    }

    static Delegations fromJson(JsonFields f) {
        Map<String, Key> keys = Keys.read(f, "keys");
        boolean hasRoles = f.has("roles");
        boolean hasSuccinct = f.has("succinct_roles");
        if (hasRoles == hasSuccinct) {
            throw new MetadataFormatException(f.file(), f.path(), "must have exactly one of \"roles\" and \"succinct_roles\"");
        }
        List<DelegatedRole> roles = null;
        JsonNode succinct = null;
        if (hasRoles) {
            JsonNode arr = f.required("roles");
            if (!arr.isArray()) {
                throw f.error("roles", "must be a JSON array, found " + JsonFields.describe(arr));
            }
            roles = new ArrayList<>();
            Set<String> names = new HashSet<>();
            int i = 0;
            for (JsonNode r : arr) {
                DelegatedRole role = DelegatedRole.fromJson(JsonFields.of(f.file(), f.child("roles") + "[" + i + "]", r), keys);
                if (!names.add(role.name())) {
                    throw new MetadataFormatException(f.file(), f.child("roles") + "[" + i + "]", "repeats the role name \"" + role.name() + "\"");
                }
                roles.add(role);
                i++;
            }
        } else {
            succinct = f.required("succinct_roles");
            JsonFields.of(f.file(), f.child("succinct_roles"), succinct);
        }
        return new Delegations(keys, roles, succinct, f.unrecognized());
    }
}
