package dev.tufceremony.ceremony;

import dev.tufceremony.media.DriveDetector;
import dev.tufceremony.media.DurableWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * What a ceremony takes from the world: clock, randomness, air-gap check, drive detection. Production
 * uses the real ones; tests inject a fixed clock, a folder-based drive detector and a fixed air gap.
 */
public final class CeremonyEnvironment {
    private final Clock clock;
    private final SecureRandom random;
    private final AirGapCheck airGapCheck;
    private final DriveDetector driveDetector;
    private final DurableWriter writer;

    private CeremonyEnvironment(Builder b) {
        this.clock = b.clock;
        this.random = b.random;
        this.airGapCheck = b.airGapCheck;
        this.driveDetector = b.driveDetector != null ? b.driveDetector : DriveDetector.forThisPlatform();
        this.writer = b.writer;
    }

    public static CeremonyEnvironment production() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Clock clock() {
        return clock;
    }

    public SecureRandom random() {
        return random;
    }

    public AirGapCheck airGapCheck() {
        return airGapCheck;
    }

    public DriveDetector driveDetector() {
        return driveDetector;
    }

    /** Writes every file: temporary name, forced to the device, renamed, read back (DESIGN §5). */
    public DurableWriter writer() {
        return writer;
    }

    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private AirGapCheck airGapCheck = AirGapCheck.system();
        private DriveDetector driveDetector;
        private DurableWriter writer = new DurableWriter();

        private Builder() {
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Must be a strong generator outside tests: it makes the keys. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        public Builder airGapCheck(AirGapCheck airGapCheck) {
            this.airGapCheck = Objects.requireNonNull(airGapCheck);
            return this;
        }

        /** Which folders count as removable drives; tests use {@code DriveDetector.ofFolders}. */
        public Builder driveDetector(DriveDetector detector) {
            this.driveDetector = Objects.requireNonNull(detector);
            return this;
        }

        public Builder writer(DurableWriter writer) {
            this.writer = Objects.requireNonNull(writer);
            return this;
        }

        public CeremonyEnvironment build() {
            return new CeremonyEnvironment(this);
        }
    }
}
