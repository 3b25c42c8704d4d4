package dev.tufceremony.media;

import java.nio.file.Path;

/**
 * Proof of a durable write: the file under its final name was read back and matched.
 *
 * @param path             the final path
 * @param size             bytes written
 * @param sha256           hex SHA-256 of the content, equal to the read-back's
 * @param directRead       true when the read-back bypassed the page cache (O_DIRECT)
 * @param directoryForced  true when the folder entry was forced to the device (false where the platform cannot)
 */
public record WriteReceipt(Path path, long size, String sha256, boolean directRead, boolean directoryForced) {
}
