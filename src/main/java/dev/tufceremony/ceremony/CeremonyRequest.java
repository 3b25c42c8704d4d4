package dev.tufceremony.ceremony;

import dev.tufceremony.keys.KeyType;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a bootstrap and a rotation request both hold: who is present, the type of new keys, the two
 * backup drives, the scrypt work factor and the media rules (plain folders allowed, air gap required).
 */
public abstract class CeremonyRequest {
    private final People people;
    private final KeyType keyType;
    private final Path backupA;
    private final Path backupB;
    private final WorkFactorChoice workFactor;
    private final boolean allowNonRemovable;
    private final boolean requireAirGap;

    CeremonyRequest(Builder<?> b) {
        this.people = b.people;
        this.keyType = b.keyType;
        this.backupA = b.backupA;
        this.backupB = b.backupB;
        this.workFactor = b.workFactor;
        this.allowNonRemovable = b.allowNonRemovable;
        this.requireAirGap = b.requireAirGap;
    }

    public People people() {
        return people;
    }

    /** Type of newly generated keys. */
    public KeyType keyType() {
        return keyType;
    }

    public Path backupA() {
        return backupA;
    }

    public Path backupB() {
        return backupB;
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

    /** The setters both request builders share; {@code B} is the concrete builder, so calls chain. */
    public abstract static class Builder<B extends Builder<B>> {
        private People people = People.unnamed();
        private KeyType keyType = KeyType.ED25519;
        private Path backupA;
        private Path backupB;
        private WorkFactorChoice workFactor = WorkFactorChoice.DEFAULT;
        private boolean allowNonRemovable;
        private boolean requireAirGap;

        Builder() {
        }

        abstract B self();

        public B people(People people) {
            this.people = Objects.requireNonNull(people);
            return self();
        }

        public B keyType(KeyType keyType) {
            this.keyType = Objects.requireNonNull(keyType);
            return self();
        }

        public B backupA(Path drive) {
            this.backupA = drive;
            return self();
        }

        public B backupB(Path drive) {
            this.backupB = drive;
            return self();
        }

        /** 20 (default), 21 or 22. */
        public B workFactor(int logN) {
            this.workFactor = WorkFactorChoice.of(logN);
            return self();
        }

        /** For automated tests only: a cheap KDF that never protects a real key. */
        public B workFactorForTestsOnly(int logN) {
            this.workFactor = WorkFactorChoice.forTestsOnly(logN);
            return self();
        }

        public B allowNonRemovable(boolean allow) {
            this.allowNonRemovable = allow;
            return self();
        }

        public B requireAirGap(boolean require) {
            this.requireAirGap = require;
            return self();
        }
    }
}
