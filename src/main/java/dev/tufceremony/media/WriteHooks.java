package dev.tufceremony.media;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Called before each step of a durable write. Production uses {@link #NONE}; tests inject faults
 * (throw an IOException, delete the target, fill the drive) to prove each step fails cleanly.
 */
@FunctionalInterface
public interface WriteHooks {
    WriteHooks NONE = (step, finalPath, tempPath) -> { };

    /**
     * @param finalPath the final name being written
     * @param tempPath  the temporary file (null before {@link WriteStep#CREATE_TEMP} has run)
     */
    void before(WriteStep step, Path finalPath, Path tempPath) throws IOException;
}
