package dev.tufceremony.ceremony;

import java.nio.file.Path;

/** A medium the ceremony used, as the witnesses record it. */
public record DriveSummary(String medium, Path mountPath, String label, String serial, boolean removable) {
}
