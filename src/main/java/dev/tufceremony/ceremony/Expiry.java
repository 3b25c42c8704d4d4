package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a role's metadata expires, as the operator gave it: a time after the ceremony ({@code 365d})
 * or an exact UTC instant ({@code 2027-12-01}), which is signed as given, not re-derived from a
 * duration taken at parse time.
 */
public sealed interface Expiry {
    /** The {@code expires} to sign, for metadata made at {@code ceremonyTime}. */
    Instant from(Instant ceremonyTime);

    record After(Duration duration) implements Expiry {
        public After {
            Objects.requireNonNull(duration);
            if (duration.isNegative() || duration.isZero()) {
                throw new CeremonyError("An expiry of " + duration + " is not in the future; give a positive duration such as 365d.");
            }
        }

        @Override
        public Instant from(Instant ceremonyTime) {
            return ceremonyTime.plus(duration);
        }
    }

    record At(Instant instant) implements Expiry {
        public At {
            Objects.requireNonNull(instant);
        }

        @Override
        public Instant from(Instant ceremonyTime) {
            if (!instant.isAfter(ceremonyTime)) {
                throw new CeremonyError("The expiry " + instant + " is not after the ceremony time " + ceremonyTime
                        + "; give a later date or a duration such as 365d.");
            }
            return instant;
        }
    }
}
