package dev.tufceremony.backup;

import dev.tufceremony.CeremonyError;

/**
 * Why a key backup did not open, in the four cases an operator acts on differently: retype the
 * passphrase, use the other backup drive, find the right drive, or insert/mount the drive.
 */
public abstract sealed class KeyBackupException extends CeremonyError {
    private static final long serialVersionUID = 1L;

    KeyBackupException(String message) {
        super(message);
    }

    /** The passphrase does not open the file (the scrypt stanza did not authenticate). */
    public static final class WrongPassphrase extends KeyBackupException {
        private static final long serialVersionUID = 1L;

        WrongPassphrase(String message) {
            super(message);
        }
    }

    /** The file is malformed, truncated or altered (header, MAC, payload, sidecar, or not a key). */
    public static final class DamagedBackup extends KeyBackupException {
        private static final long serialVersionUID = 1L;

        DamagedBackup(String message) {
            super(message);
        }
    }

    /** The file opens, but holds another key than its sidecar or root.json names. */
    public static final class UnexpectedKey extends KeyBackupException {
        private static final long serialVersionUID = 1L;

        UnexpectedKey(String message) {
            super(message);
        }
    }

    /** A file of the backup is not there or cannot be read. */
    public static final class MissingBackup extends KeyBackupException {
        private static final long serialVersionUID = 1L;

        MissingBackup(String message) {
            super(message);
        }
    }
}
