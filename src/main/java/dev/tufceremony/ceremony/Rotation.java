package dev.tufceremony.ceremony;

import dev.tufceremony.secret.Passphrase;
import java.nio.file.Path;

/**
 * Root rotation (TUF spec §5.3, DESIGN §1): N+1.root.json signed by the old and the new root keys.
 * {@link #open} loads and verifies the chain like a client; {@link #unlock} decrypts the old key from
 * a backup drive; {@link #prepare} builds N+1 for review; {@link #execute} writes and verifies.
 */
public final class Rotation implements AutoCloseable {

    private Rotation() {
    }

    /** {@code repositoryDir} is {@code <medium>/<repository>} holding {@code metadata/}. */
    public static Rotation open(Path repositoryDir, CeremonyEnvironment env) {
        throw new UnsupportedOperationException("not yet");
    }

    public String repository() {
        throw new UnsupportedOperationException("not yet");
    }

    public RootSummary currentRoot() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Rotating away from an expired root is allowed (spec §5.3.6 checks expiry only of the newest). */
    public boolean currentRootExpired() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Decrypts the old root key from a backup drive and checks it is a root key of the newest root.
     * The passphrase is wiped when done.
     */
    public KeySummary unlock(Path oldBackupDrive, Passphrase passphrase) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Validates the request (nothing to overwrite, gate, drives), makes keys, signs N+1 in memory. */
    public RootSummary prepare(RotationRequest request) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Changes from the current root to the prepared one. */
    public RootDiff diff() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Writes new backups, N+1.root.json, root.json and the transcript; verifies the chain again. */
    public CeremonyReport execute(Progress progress) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
    }
}
