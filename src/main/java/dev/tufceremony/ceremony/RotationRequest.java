package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.keys.KeyType;
import dev.tufceremony.secret.Passphrase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Everything the operator decides for a root rotation. */
public final class RotationRequest {
    private final People people;
    private final Passphrase newPassphrase;
    private final boolean keepRootKey;
    private final Duration rootExpiry;
    private final Set<OnlineRole> rotateOnlineKeys;
    private final OnlineKeyProtection onlineKeyProtection;
    private final KeyType keyType;
    private final Path backupA;
    private final Path backupB;
    private final Path export;
    private final WorkFactorChoice workFactor;
    private final boolean allowNonRemovable;
    private final boolean requireAirGap;

    private RotationRequest(Builder b) {
        this.people = b.people;
        this.newPassphrase = b.newPassphrase;
        this.keepRootKey = b.keepRootKey;
        this.rootExpiry = b.rootExpiry;
        this.rotateOnlineKeys = Set.copyOf(b.rotateOnlineKeys);
        this.onlineKeyProtection = b.onlineKeyProtection;
        this.keyType = b.keyType;
        this.backupA = b.backupA;
        this.backupB = b.backupB;
        this.export = b.export;
        this.workFactor = b.workFactor;
        this.allowNonRemovable = b.allowNonRemovable;
        this.requireAirGap = b.requireAirGap;
        if (newPassphrase == null) {
            throw new CeremonyError("The rotation request has no passphrase for the new backups; give one before preparing.");
        }
        if (backupA == null || backupB == null) {
            throw new CeremonyError("The rotation request needs two new backup drives; give backup A and backup B.");
        }
        if (!rotateOnlineKeys.isEmpty() && onlineKeyProtection == null) {
            throw new CeremonyError("New online keys must be exported encrypted; give an online passphrase or an age recipient.");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public People people() {
        return people;
    }

    /** Passphrase for the new backups; owned by the ceremony, wiped by {@link Rotation#close()}. */
    public Passphrase newPassphrase() {
        return newPassphrase;
    }

    public boolean keepRootKey() {
        return keepRootKey;
    }

    public Duration rootExpiry() {
        return rootExpiry;
    }

    public Set<OnlineRole> rotateOnlineKeys() {
        return rotateOnlineKeys;
    }

    public Optional<OnlineKeyProtection> onlineKeyProtection() {
        return Optional.ofNullable(onlineKeyProtection);
    }

    /** Type of newly generated keys (root unless kept, and rotated online keys). */
    public KeyType keyType() {
        return keyType;
    }

    public Path backupA() {
        return backupA;
    }

    public Path backupB() {
        return backupB;
    }

    /** A different transfer medium to export to; empty: update the repository in place. */
    public Optional<Path> export() {
        return Optional.ofNullable(export);
    }

    public WorkFactorChoice workFactor() {
        return workFactor;
    }

    public boolean allowNonRemovable() {
        return allowNonRemovable;
    }

    public boolean requireAirGap() {
        return requireAirGap;
    }

    public static final class Builder {
        private People people = People.unnamed();
        private Passphrase newPassphrase;
        private boolean keepRootKey;
        private Duration rootExpiry = Expiries.defaults().root();
        private Set<OnlineRole> rotateOnlineKeys = EnumSet.noneOf(OnlineRole.class);
        private OnlineKeyProtection onlineKeyProtection;
        private KeyType keyType = KeyType.ED25519;
        private Path backupA;
        private Path backupB;
        private Path export;
        private WorkFactorChoice workFactor = WorkFactorChoice.DEFAULT;
        private boolean allowNonRemovable;
        private boolean requireAirGap;

        private Builder() {
        }

        public Builder people(People people) {
            this.people = Objects.requireNonNull(people);
            return this;
        }

        public Builder newPassphrase(Passphrase passphrase) {
            this.newPassphrase = Objects.requireNonNull(passphrase);
            return this;
        }

        public Builder keepRootKey(boolean keep) {
            this.keepRootKey = keep;
            return this;
        }

        public Builder rootExpiry(Duration expiry) {
            this.rootExpiry = Objects.requireNonNull(expiry);
            new Expiries(expiry, Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1)); // validates
            return this;
        }

        public Builder rotateOnlineKeys(Set<OnlineRole> roles, OnlineKeyProtection protection) {
            this.rotateOnlineKeys = roles.isEmpty() ? EnumSet.noneOf(OnlineRole.class) : EnumSet.copyOf(roles);
            this.onlineKeyProtection = protection;
            return this;
        }

        public Builder keyType(KeyType keyType) {
            this.keyType = Objects.requireNonNull(keyType);
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

        public Builder export(Path medium) {
            this.export = medium;
            return this;
        }

        public Builder workFactor(int logN) {
            this.workFactor = WorkFactorChoice.of(logN);
            return this;
        }

        /** For automated tests only: a cheap KDF that never protects a real key. */
        public Builder workFactorForTestsOnly(int logN) {
            this.workFactor = WorkFactorChoice.forTestsOnly(logN);
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

        public RotationRequest build() {
            return new RotationRequest(this);
        }
    }
}
