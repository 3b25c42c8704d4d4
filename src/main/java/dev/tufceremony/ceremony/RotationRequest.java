package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.secret.Passphrase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Everything the operator decides for a root rotation. */
public final class RotationRequest extends CeremonyRequest {
    private final Passphrase newPassphrase;
    private final boolean keepRootKey;
    private final Expiry rootExpiry;
    private final Set<OnlineRole> rotateOnlineKeys;
    private final OnlineKeyProtection onlineKeyProtection;
    private final Path export;

    private RotationRequest(Builder b) {
        super(b);
        this.newPassphrase = b.newPassphrase;
        this.keepRootKey = b.keepRootKey;
        this.rootExpiry = b.rootExpiry;
        this.rotateOnlineKeys = Set.copyOf(b.rotateOnlineKeys);
        this.onlineKeyProtection = b.onlineKeyProtection;
        this.export = b.export;
        if (newPassphrase == null) {
            throw new CeremonyError("The rotation request has no passphrase for the new backups; give one before preparing.");
        }
        if (backupA() == null || backupB() == null) {
            throw new CeremonyError("The rotation request needs two new backup drives; give backup A and backup B.");
        }
        if (!rotateOnlineKeys.isEmpty() && onlineKeyProtection == null) {
            throw new CeremonyError("New online keys must be exported encrypted; give an online passphrase or an age recipient.");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Passphrase for the new backups; owned by the ceremony, wiped by {@link Rotation#close()}. */
    public Passphrase newPassphrase() {
        return newPassphrase;
    }

    public boolean keepRootKey() {
        return keepRootKey;
    }

    public Expiry rootExpiry() {
        return rootExpiry;
    }

    public Set<OnlineRole> rotateOnlineKeys() {
        return rotateOnlineKeys;
    }

    public Optional<OnlineKeyProtection> onlineKeyProtection() {
        return Optional.ofNullable(onlineKeyProtection);
    }

    /** A different transfer medium to export to; empty: update the repository in place. */
    public Optional<Path> export() {
        return Optional.ofNullable(export);
    }

    public static final class Builder extends CeremonyRequest.Builder<Builder> {
        private Passphrase newPassphrase;
        private boolean keepRootKey;
        private Expiry rootExpiry = new Expiry.After(Expiries.defaults().root());
        private Set<OnlineRole> rotateOnlineKeys = EnumSet.noneOf(OnlineRole.class);
        private OnlineKeyProtection onlineKeyProtection;
        private Path export;

        private Builder() {
        }

        @Override
        Builder self() {
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

        /** The new root's expiry as a time after the ceremony. */
        public Builder rootExpiry(Duration expiry) {
            return rootExpiry(new Expiry.After(expiry));
        }

        public Builder rootExpiry(Expiry expiry) {
            this.rootExpiry = Objects.requireNonNull(expiry);
            return this;
        }

        public Builder rotateOnlineKeys(Set<OnlineRole> roles, OnlineKeyProtection protection) {
            this.rotateOnlineKeys = roles.isEmpty() ? EnumSet.noneOf(OnlineRole.class) : EnumSet.copyOf(roles);
            this.onlineKeyProtection = protection;
            return this;
        }

        public Builder export(Path medium) {
            this.export = medium;
            return this;
        }

        public RotationRequest build() {
            return new RotationRequest(this);
        }
    }
}
