package dev.tufceremony.media;

/** Progress of a durable write, for a progress bar; called on the writing thread. */
@FunctionalInterface
public interface WriteProgress {
    WriteProgress NONE = (step, done, total) -> { };

    /** {@code done} of {@code total} bytes processed in {@code step} (WRITE and READ_BACK report bytes). */
    void progress(WriteStep step, long done, long total);
}
