package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.secret.Passphrase;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Everything the operator decides for a bootstrap ceremony. */
public final class BootstrapRequest extends CeremonyRequest {
    private final String repository;
    private final Expiry rootExpiry;
    private final Map<OnlineRole, Expiry> onlineExpiries;
    private final OnlineKeys onlineKeys;
    private final Passphrase rootPassphrase;
    private final Path export;

    private BootstrapRequest(Builder b) {
        super(b);
        this.repository = RepositoryName.check(b.repository);
        this.rootExpiry = b.rootExpiry;
        this.onlineExpiries = Map.copyOf(b.onlineExpiries);
        this.onlineKeys = require(b.onlineKeys, "online keys (generate here or import public keys)");
        this.rootPassphrase = require(b.rootPassphrase, "root passphrase");
        require(backupA(), "backup drive A");
        require(backupB(), "backup drive B");
        this.export = require(b.export, "export medium");
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

    public Expiry rootExpiry() {
        return rootExpiry;
    }

    public Expiry expiry(OnlineRole role) {
        return onlineExpiries.get(role);
    }

    public OnlineKeys onlineKeys() {
        return onlineKeys;
    }

    /** Owned by the ceremony once built: {@link Bootstrap#close()} wipes it. */
    public Passphrase rootPassphrase() {
        return rootPassphrase;
    }

    public Path export() {
        return export;
    }

    public static final class Builder extends CeremonyRequest.Builder<Builder> {
        private String repository;
        private Expiry rootExpiry;
        private final Map<OnlineRole, Expiry> onlineExpiries = new EnumMap<>(OnlineRole.class);
        private OnlineKeys onlineKeys;
        private Passphrase rootPassphrase;
        private Path export;

        private Builder() {
            expiries(Expiries.defaults());
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder repository(String repository) {
            this.repository = repository;
            return this;
        }

        /** Each role's expiry as a time after the ceremony. */
        public Builder expiries(Expiries expiries) {
            Objects.requireNonNull(expiries);
            rootExpiry = new Expiry.After(expiries.root());
            for (OnlineRole role : OnlineRole.values()) {
                onlineExpiries.put(role, new Expiry.After(expiries.of(role)));
            }
            return this;
        }

        public Builder rootExpiry(Expiry expiry) {
            this.rootExpiry = Objects.requireNonNull(expiry);
            return this;
        }

        public Builder expiry(OnlineRole role, Expiry expiry) {
            onlineExpiries.put(role, Objects.requireNonNull(expiry));
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

        /** The transfer medium; the repository is exported to {@code <export>/<repository>/}. */
        public Builder export(Path medium) {
            this.export = medium;
            return this;
        }

        public BootstrapRequest build() {
            return new BootstrapRequest(this);
        }
    }
}
