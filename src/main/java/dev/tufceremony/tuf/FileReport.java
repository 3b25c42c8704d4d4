package dev.tufceremony.tuf;

import java.util.List;

/**
 * The verdict on one file of a repository.
 *
 * @param file       path relative to the repository
 * @param status     OK, FAIL, or SKIP (not checked because something it depends on failed)
 * @param summary    for OK: what was verified; for SKIP: why not
 * @param failures   the rules broken (empty unless FAIL)
 * @param thresholds signature counts for each threshold checked on this file
 */
public record FileReport(String file, Status status, String summary, List<Failure> failures, List<ThresholdResult> thresholds) {
    public enum Status { OK, FAIL, SKIP }

    public FileReport {
        failures = List.copyOf(failures);
        thresholds = List.copyOf(thresholds);
    }

    static FileReport skipped(String file, String why) {
        return new FileReport(file, Status.SKIP, why, List.of(), List.of());
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** One line for an OK or SKIP file, one per failure for a FAIL file. */
    public List<String> lines() {
        return switch (status) {
            case OK -> List.of("OK   " + file + "  " + summary);
            case SKIP -> List.of("SKIP " + file + "  " + summary);
            case FAIL -> failures.stream().map(Failure::line).toList();
        };
    }
}
