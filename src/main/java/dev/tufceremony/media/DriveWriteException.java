package dev.tufceremony.media;

import dev.tufceremony.CeremonyError;
import java.nio.file.Path;

/** A durable write failed or was refused; nothing is left under the final name. */
public class DriveWriteException extends CeremonyError {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final WriteStep step;

    public DriveWriteException(Path file, WriteStep step, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.step = step;
    }

    /** The final path that was being written. */
    public Path file() {
        return file;
    }

    /** The step that failed. */
    public WriteStep step() {
        return step;
    }
}
