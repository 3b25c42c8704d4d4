package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.keys.KeyType;
import dev.tufceremony.secret.Passphrase;
import java.nio.file.Path;
import java.util.Objects;

/** Everything the operator decides for a bootstrap ceremony. */
public final class BootstrapRequest {
    private final String repository;
    private final People people;
    private final KeyType keyType;
    private final Expiries expiries;
    private final OnlineKeys onlineKeys;
    private final Passphrase rootPassphrase;
    private final WorkFactorChoice workFactor;
    private final Path backupA;
    private final Path backupB;
    private final Path export;
    private final boolean allowNonRemovable;
    private final boolean requireAirGap;

    private BootstrapRequest(Builder b) {
        this.repository = RepositoryName.check(b.repository);
        this.people = b.people;
        this.keyType = b.keyType;
        this.expiries = b.expiries;
        this.onlineKeys = require(b.onlineKeys, "online keys (generate here or import public keys)");
        this.rootPassphrase = require(b.rootPassphrase, "root passphrase");
        this.workFactor = b.workFactor;
        this.backupA = require(b.backupA, "backup drive A");
        this.backupB = require(b.backupB, "backup drive B");
        this.export = require(b.export, "export medium");
        this.allowNonRemovable = b.allowNonRemovable;
        this.requireAirGap = b.requireAirGap;
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new CeremonyError("The bootstrap request has no " + what + "; give one before preparing.");
        }
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String repository() {
        return repository;
    }

    public People people() {
        return people;
    }

    public KeyType keyType() {
        return keyType;
    }

    public Expiries expiries() {
        return expiries;
    }

    public OnlineKeys onlineKeys() {
        return onlineKeys;
    }

    /** Owned by the ceremony once built: {@link Bootstrap#close()} wipes it. */
    public Passphrase rootPassphrase() {
        return rootPassphrase;
    }

    public WorkFactorChoice workFactor() {
        return workFactor;
    }

    public Path backupA() {
        return backupA;
    }

    public Path backupB() {
        return backupB;
    }

    public Path export() {
        return export;
    }

    public boolean allowNonRemovable() {
        return allowNonRemovable;
    }

    public boolean requireAirGap() {
        return requireAirGap;
    }

    public static final class Builder {
        private String repository;
        private People people = People.unnamed();
        private KeyType keyType = KeyType.ED25519;
        private Expiries expiries = Expiries.defaults();
        private OnlineKeys onlineKeys;
        private Passphrase rootPassphrase;
        private WorkFactorChoice workFactor = WorkFactorChoice.DEFAULT;
        private Path backupA;
        private Path backupB;
        private Path export;
        private boolean allowNonRemovable;
        private boolean requireAirGap;

        private Builder() {
        }

        public Builder repository(String repository) {
            this.repository = repository;
            return this;
        }

        public Builder people(People people) {
            this.people = Objects.requireNonNull(people);
            return this;
        }

        /** Root key type (and, unless {@link OnlineKeys.Generate} says otherwise, nothing else). */
        public Builder keyType(KeyType keyType) {
            this.keyType = Objects.requireNonNull(keyType);
            return this;
        }

        public Builder expiries(Expiries expiries) {
            this.expiries = Objects.requireNonNull(expiries);
            return this;
        }

        public Builder onlineKeys(OnlineKeys onlineKeys) {
            this.onlineKeys = Objects.requireNonNull(onlineKeys);
            return this;
        }

        public Builder rootPassphrase(Passphrase rootPassphrase) {
            this.rootPassphrase = Objects.requireNonNull(rootPassphrase);
            return this;
        }

        /** 20 (default), 21 or 22. */
        public Builder workFactor(int logN) {
            this.workFactor = WorkFactorChoice.of(logN);
            return this;
        }

        /** For automated tests only: a cheap KDF that never protects a real key. */
        public Builder workFactorForTestsOnly(int logN) {
            this.workFactor = WorkFactorChoice.forTestsOnly(logN);
            return this;
        }

        public Builder backupA(Path drive) {
            this.backupA = drive;
            return this;
        }

        public Builder backupB(Path drive) {
            this.backupB = drive;
            return this;
        }

        /** The transfer medium; the repository is exported to {@code <export>/<repository>/}. */
        public Builder export(Path medium) {
            this.export = medium;
            return this;
        }

        public Builder allowNonRemovable(boolean allow) {
            this.allowNonRemovable = allow;
            return this;
        }

        public Builder requireAirGap(boolean require) {
            this.requireAirGap = require;
            return this;
        }

        public BootstrapRequest build() {
            return new BootstrapRequest(this);
        }
    }
}
