package dev.tufceremony.ceremony;

import dev.tufceremony.tuf.Key;
import dev.tufceremony.tuf.Metadata;
import dev.tufceremony.tuf.Role;
import dev.tufceremony.tuf.Root;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A root as the operator and witnesses review it, and what changed between two roots. */
final class RootView {
    private RootView() {
    }

    static RootSummary summary(Metadata<Root> root, byte[] fileBytes) {
        Root r = root.signed();
        List<RoleSummary> roles = new ArrayList<>();
        for (String name : Root.TOP_LEVEL_ROLES) {
            Role role = r.role(name);
            List<KeySummary> keys = new ArrayList<>();
            for (String id : role.keyids()) {
                Key k = r.keys().get(id);
                keys.add(new KeySummary(name, id, k.keytype(), KeySummary.fingerprint(id)));
            }
            roles.add(new RoleSummary(name, role.threshold(), keys));
        }
        return new RootSummary((int) r.version(), r.expires(), r.consistentSnapshot(), roles,
                new String(fileBytes, StandardCharsets.UTF_8));
    }

    static RootDiff diff(Root before, Root after) {
        List<String> changes = new ArrayList<>();
        changes.add("version " + before.version() + " → " + after.version());
        if (!before.expires().equals(after.expires())) {
            changes.add("expires " + before.expiresText() + " → " + after.expiresText());
        }
        for (String name : Root.TOP_LEVEL_ROLES) {
            Role b = before.role(name);
            Role a = after.role(name);
            Set<String> removed = new LinkedHashSet<>(b.keyids());
            removed.removeAll(a.keyids());
            Set<String> added = new LinkedHashSet<>(a.keyids());
            added.removeAll(b.keyids());
            removed.forEach(id -> changes.add(name + " key " + KeySummary.fingerprint(id) + " removed"));
            added.forEach(id -> changes.add(name + " key " + KeySummary.fingerprint(id) + " added"));
            if (b.threshold() != a.threshold()) {
                changes.add(name + " threshold " + b.threshold() + " → " + a.threshold());
            }
        }
        if (before.consistentSnapshot() != after.consistentSnapshot()) {
            changes.add("consistent_snapshot " + before.consistentSnapshot() + " → " + after.consistentSnapshot());
        }
        return new RootDiff(changes);
    }
}
