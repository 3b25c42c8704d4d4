package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;

/**
 * The scrypt work factor (log2 N) for new backups: 20 (default, 1 GiB), 21 or 22; values below that
 * only through {@link #forTestsOnly(int)}, which the transcript records as a deviation.
 */
public record WorkFactorChoice(int logN, boolean testOnly) {
    public static final WorkFactorChoice DEFAULT = new WorkFactorChoice(20, false);

    public static WorkFactorChoice of(int logN) {
        if (logN < 20 || logN > 22) {
            throw new CeremonyError("The work factor " + logN
                    + " is not allowed for a backup: choose 20 (the default, 1 GiB of memory), 21 or 22.");
        }
        return new WorkFactorChoice(logN, false);
    }

    /** A cheap work factor for automated tests only; never protects a real key. */
    public static WorkFactorChoice forTestsOnly(int logN) {
        if (logN < 1 || logN > 22) {
            throw new CeremonyError("The test work factor " + logN + " is outside 1 to 22.");
        }
        return new WorkFactorChoice(logN, true);
    }
}
