package dev.tufceremony.cli;

import java.util.function.IntConsumer;
import picocli.CommandLine.Option;

/** {@code --work-factor 20|21|22}, or a cheap one whose option name says it is for tests only. */
final class WorkFactorOptions {
    @Option(names = "--work-factor", paramLabel = "N", description = "scrypt work factor log2(N) for new backups: 20 (default, 1 GiB), 21 or 22.")
    Integer workFactor;

    @Option(names = "--work-factor-for-tests", paramLabel = "N", hidden = true,
            description = "A cheap scrypt work factor for automated tests only; never for a real key.")
    Integer forTests;

    void apply(IntConsumer real, IntConsumer testsOnly) {
        if (forTests != null) {
            testsOnly.accept(forTests);
        } else if (workFactor != null) {
            real.accept(workFactor);
        }
    }
}
