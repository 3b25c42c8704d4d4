package dev.tufceremony.media;

/** The steps of a durable write, in order; faults can be injected before each (see {@link WriteHooks}). */
public enum WriteStep {
    /** Refuse an existing final name, a read-only filesystem, or too little free space. */
    CHECK,
    /** Create missing parent folders and the temporary file next to the final name. */
    CREATE_TEMP,
    /** Write the content to the temporary file. */
    WRITE,
    /** FileChannel.force(true): push the content and metadata to the device. */
    FORCE_FILE,
    /** Atomic rename of the temporary file to the final name. */
    RENAME,
    /** Force the folder so the rename itself is durable (skipped where the platform cannot). */
    FORCE_DIRECTORY,
    /** Read the final file back (O_DIRECT where supported) and compare SHA-256. */
    READ_BACK
}
