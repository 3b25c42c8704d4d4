package dev.tufceremony.keys;

import dev.tufceremony.CeremonyError;

/** A key (public or private) that is malformed or of a kind this program does not support. */
public final class KeyFormatException extends CeremonyError {
    private static final long serialVersionUID = 1L;

    public KeyFormatException(String message) {
        super(message);
    }

    public KeyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
