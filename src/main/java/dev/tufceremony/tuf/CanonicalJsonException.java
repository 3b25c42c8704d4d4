package dev.tufceremony.tuf;

import dev.tufceremony.CeremonyError;

/** A value that OLPC canonical JSON cannot represent (floats, NaN, non-JSON objects). */
public final class CanonicalJsonException extends CeremonyError {
    private static final long serialVersionUID = 1L;

    public CanonicalJsonException(String message) {
        super(message);
    }
}
