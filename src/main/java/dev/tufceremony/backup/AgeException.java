package dev.tufceremony.backup;

import dev.tufceremony.CeremonyError;

/**
 * An age file that cannot be decrypted, with the stage that refused it (the stages of age's
 * conformance kit): a malformed header, a header MAC that does not match, a damaged payload, no
 * recipient stanza that the given passphrase or identities open, or bad ASCII armor.
 */
public final class AgeException extends CeremonyError {
    private static final long serialVersionUID = 1L;

    /** Where decryption stopped. */
    public enum Stage { HEADER, HMAC, PAYLOAD, NO_MATCH, ARMOR }

    private final Stage stage;

    AgeException(Stage stage, String message) {
        super(message);
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }

    static AgeException header(String message) {
        return new AgeException(Stage.HEADER, message);
    }
}
