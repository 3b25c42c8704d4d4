package dev.tufceremony.ceremony;

import dev.tufceremony.secret.Passphrase;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The yearly backup check (DESIGN §1): each drive's copy decrypts to a root key of the newest root,
 * and all copies hold the same key. Writes nothing on the backup drives.
 */
public final class BackupCheck implements AutoCloseable {

    private BackupCheck() {
    }

    /** Loads and verifies the repository's root chain like a client. */
    public static BackupCheck open(Path repositoryDir, CeremonyEnvironment env) {
        throw new UnsupportedOperationException("not yet");
    }

    public String repository() {
        throw new UnsupportedOperationException("not yet");
    }

    public RootSummary currentRoot() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Checks one drive; never throws for a bad backup: the result says wrong passphrase, damaged,
     * not a root key, or missing. The passphrase is wiped when done.
     */
    public DriveCheckResult check(Path backupDrive, Passphrase passphrase, Progress progress) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Empty until two drives decrypted; then whether they hold the same key. */
    public Optional<Boolean> copiesAgree() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Ends the check; writes a signed transcript to {@code <medium>/<repository>/ceremony/} when a medium is given. */
    public CeremonyReport finish(Optional<Path> transcriptMedium) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
    }
}
