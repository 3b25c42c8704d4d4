package dev.tufceremony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StderrLoggerFinderTest {
    @Test
    void theJdkFindsItThroughTheServiceFile() {
        assertThat(System.LoggerFinder.getLoggerFinder()).isInstanceOf(StderrLoggerFinder.class);
    }

    @Test
    void warningsAndErrorsAreOneLineEachAndNothingBelowIsPrinted() {
        System.Logger log = System.getLogger("javafx");
        String printed = stderrOf(() -> {
            log.log(System.Logger.Level.INFO, "not shown");
            log.log(System.Logger.Level.DEBUG, "not shown either");
            log.log(System.Logger.Level.WARNING, "Unsupported JavaFX configuration");
            log.log(System.Logger.Level.ERROR, "pipeline {0} failed", "es2");
            log.log(System.Logger.Level.ERROR, "read failed", new IllegalStateException("disk gone"));
        });
        assertThat(printed.lines()).containsExactly(
                "WARNING: Unsupported JavaFX configuration",
                "ERROR: pipeline es2 failed",
                "ERROR: read failed (java.lang.IllegalStateException: disk gone)");
        assertThat(log.isLoggable(System.Logger.Level.INFO)).isFalse();
        assertThat(log.isLoggable(System.Logger.Level.OFF)).isFalse();
    }

    private static String stderrOf(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
