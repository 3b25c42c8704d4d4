package dev.tufceremony.media;

import dev.tufceremony.CeremonyError;

/** The platform could not be asked which drives are attached (mount table unreadable, diskutil failed, …). */
public class DriveDetectionException extends CeremonyError {
    private static final long serialVersionUID = 1L;

    public DriveDetectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
