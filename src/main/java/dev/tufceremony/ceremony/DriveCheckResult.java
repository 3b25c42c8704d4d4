package dev.tufceremony.ceremony;

import java.nio.file.Path;

/**
 * The outcome for one backup drive. {@code keyid} is null when the key could not be read;
 * {@code message} is one sentence for the operator (why it failed, or what was proven).
 */
public record DriveCheckResult(Path drive, boolean ok, String keyid, String message) {
}
