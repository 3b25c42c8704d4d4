package dev.tufceremony.ceremony;

import java.util.Objects;

/**
 * The bootstrap ceremony (DESIGN §1): root key, online keys, 1.root.json and the first
 * targets/snapshot/timestamp, backups on two drives, export, transcript.
 *
 * <p>{@link #prepare()} checks everything that can be checked before writing anything (passphrase
 * gate, distinct drives, backup drive ≠ export medium, nothing to overwrite, air gap when required),
 * generates the keys and signs 1.root.json in memory. {@link #execute(Progress)} writes and verifies.
 * Both block: run them off the UI thread.
 */
public final class Bootstrap implements AutoCloseable {
    private final BootstrapRequest request;
    private final CeremonyEnvironment env;

    public Bootstrap(BootstrapRequest request, CeremonyEnvironment env) {
        this.request = Objects.requireNonNull(request);
        this.env = Objects.requireNonNull(env);
    }

    /** Validates, generates keys and builds the signed root for review; writes nothing. */
    public RootSummary prepare() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Writes backups, export and transcript, then verifies the export like a client. */
    public CeremonyReport execute(Progress progress) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Wipes keys and passphrases, whatever happened. */
    @Override
    public void close() {
        request.rootPassphrase().destroy();
        if (request.onlineKeys() instanceof OnlineKeys.Generate g
                && g.protection() instanceof OnlineKeyProtection.UnderPassphrase p) {
            p.passphrase().destroy();
        }
    }
}
