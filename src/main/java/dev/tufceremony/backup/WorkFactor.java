package dev.tufceremony.backup;

import dev.tufceremony.CeremonyError;

/**
 * The scrypt work factor log2(N) of an age passphrase stanza (r = 8, p = 1, so it needs
 * 2^logN KiB of memory: 20 = 1 GiB). Backups use 20 to 22; stock {@code age -d} refuses more than 22,
 * so we never write or read more. Values below 18 exist only for fast tests and say so.
 */
public final class WorkFactor {
    /** The lowest work factor allowed for a real backup. */
    public static final int MIN = 18;
    /** The highest work factor written or read (stock age refuses 23). */
    public static final int MAX = 22;
    public static final WorkFactor DEFAULT = new WorkFactor(20);

    private final int logN;

    private WorkFactor(int logN) {
        this.logN = logN;
    }

    /** A work factor for real files: 18 to 22. */
    public static WorkFactor of(int logN) {
        if (logN < MIN || logN > MAX) {
            throw new CeremonyError("The scrypt work factor " + logN + " is outside the allowed range " + MIN + " to "
                    + MAX + ": choose 20 (the default, 1 GiB of memory), 21 or 22.");
        }
        return new WorkFactor(logN);
    }

    /** A cheap work factor (1 to 22) for tests; files written with one below 18 are reported as test-only. */
    public static WorkFactor forTestsOnly(int logN) {
        if (logN < 1 || logN > MAX) {
            throw new CeremonyError("The scrypt work factor " + logN + " is outside 1 to " + MAX + ".");
        }
        return new WorkFactor(logN);
    }

    /** As read from a file: the caller has already refused values above {@link #MAX}. */
    static WorkFactor fromFile(int logN) {
        return new WorkFactor(logN);
    }

    public int logN() {
        return logN;
    }

    /** True when this is below {@link #MIN}: too cheap to protect a real key. */
    public boolean isTestOnly() {
        return logN < MIN;
    }

    /** Memory scrypt needs: 128 * r * N bytes with r = 8. */
    public long memoryBytes() {
        return 1024L << logN;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkFactor && ((WorkFactor) o).logN == logN;
    }

    @Override
    public int hashCode() {
        return logN;
    }

    @Override
    public String toString() {
        return isTestOnly() ? logN + " (test only)" : Integer.toString(logN);
    }
}
