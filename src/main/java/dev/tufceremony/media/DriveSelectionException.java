package dev.tufceremony.media;

import dev.tufceremony.CeremonyError;

/** A chosen folder or drive cannot be used as a ceremony target (not removable, same device twice, …). */
public class DriveSelectionException extends CeremonyError {
    private static final long serialVersionUID = 1L;

    public DriveSelectionException(String message) {
        super(message);
    }

    public DriveSelectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
