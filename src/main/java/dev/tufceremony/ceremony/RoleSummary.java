package dev.tufceremony.ceremony;

import java.util.List;

/** One role of a root: its threshold and keys. */
public record RoleSummary(String role, int threshold, List<KeySummary> keys) {
    public RoleSummary {
        keys = List.copyOf(keys);
    }
}
