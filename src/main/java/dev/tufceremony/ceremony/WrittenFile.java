package dev.tufceremony.ceremony;

import java.nio.file.Path;

/** A file the ceremony wrote and read back; {@code medium} is "backup A", "backup B" or "export". */
public record WrittenFile(String medium, Path path, long size, String sha256) {
}
