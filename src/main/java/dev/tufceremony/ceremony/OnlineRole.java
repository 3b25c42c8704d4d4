package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The three top-level roles whose keys live online (DESIGN §1). */
public enum OnlineRole {
    TARGETS,
    SNAPSHOT,
    TIMESTAMP;

    /** The TUF role name: "targets", "snapshot", "timestamp". */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OnlineRole fromRoleName(String name) {
        for (OnlineRole r : values()) {
            if (r.roleName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new CeremonyError("The role name '" + name + "' is not an online role; use targets, snapshot or timestamp.");
    }

    /** Parses a comma-separated list such as "targets,snapshot". */
    public static Set<OnlineRole> parseList(String commaSeparated) {
        Set<OnlineRole> out = EnumSet.noneOf(OnlineRole.class);
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                out.add(fromRoleName(part));
            }
        }
        if (out.isEmpty()) {
            throw new CeremonyError("The online role list '" + commaSeparated
                    + "' names no role; use a comma-separated list of targets, snapshot, timestamp.");
        }
        return out;
    }
}
