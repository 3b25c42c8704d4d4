package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import java.time.Duration;
import java.util.Objects;

/** How long each role's metadata stays valid from the ceremony's time. */
public record Expiries(Duration root, Duration targets, Duration snapshot, Duration timestamp) {
    public Expiries {
        Objects.requireNonNull(root);
        Objects.requireNonNull(targets);
        Objects.requireNonNull(snapshot);
        Objects.requireNonNull(timestamp);
        for (Duration d : new Duration[] {root, targets, snapshot, timestamp}) {
            if (d.isNegative() || d.isZero()) {
                throw new CeremonyError("An expiry of " + d + " is not in the future; give a positive duration such as 365d.");
            }
        }
    }

    /** Root 365 d, targets 90 d, snapshot 7 d, timestamp 1 d (issue 5). */
    public static Expiries defaults() {
        return new Expiries(Duration.ofDays(365), Duration.ofDays(90), Duration.ofDays(7), Duration.ofDays(1));
    }

    public Expiries withRoot(Duration d) {
        return new Expiries(d, targets, snapshot, timestamp);
    }

    public Expiries withTargets(Duration d) {
        return new Expiries(root, d, snapshot, timestamp);
    }

    public Expiries withSnapshot(Duration d) {
        return new Expiries(root, targets, d, timestamp);
    }

    public Expiries withTimestamp(Duration d) {
        return new Expiries(root, targets, snapshot, d);
    }

    public Duration of(OnlineRole role) {
        return switch (role) {
            case TARGETS -> targets;
            case SNAPSHOT -> snapshot;
            case TIMESTAMP -> timestamp;
        };
    }
}
