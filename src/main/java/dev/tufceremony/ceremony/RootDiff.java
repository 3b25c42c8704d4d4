package dev.tufceremony.ceremony;

import java.util.List;

/** What changes from the current root to the new one, one human line each. */
public record RootDiff(List<String> changes) {
    public RootDiff {
        changes = List.copyOf(changes);
    }
}
