package dev.tufceremony.ceremony;

import java.time.Instant;
import java.util.List;

/** A root.json for review: version, expiry, roles; {@code json} is the file's text. */
public record RootSummary(int version, Instant expires, boolean consistentSnapshot, List<RoleSummary> roles, String json) {
    public RootSummary {
        roles = List.copyOf(roles);
    }

    public RoleSummary role(String name) {
        return roles.stream().filter(r -> r.role().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no role " + name));
    }
}
