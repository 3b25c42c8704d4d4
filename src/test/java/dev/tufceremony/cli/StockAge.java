package dev.tufceremony.cli;

import dev.tufceremony.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Stock {@code age -d}, which reads passphrases only from a terminal, driven through {@code expect}. */
final class StockAge {
    private static final String SCRIPT = """
            set timeout 120
            spawn age -d -o [lindex $argv 0] [lindex $argv 1]
            expect {
                "Enter passphrase" { send -- "$env(STOCK_AGE_PASSPHRASE)\\r" }
                timeout { exit 101 }
            }
            expect eof
            lassign [wait] pid spawnid os_error value
            exit $value
            """;

    private StockAge() {
    }

    static void require() {
        ExternalTool.require("age");
        ExternalTool.require("expect");
        ExternalTool.require("openssl");
    }

    /** Decrypts {@code in} to {@code out} with stock age; the passphrase reaches expect through its environment. */
    static ExternalTool.Result decrypt(Path workDir, Path in, Path out, String passphrase) throws Exception {
        Path script = workDir.resolve("age-decrypt.exp");
        if (!Files.exists(script)) {
            Files.writeString(script, SCRIPT);
        }
        return ExternalTool.run(workDir, 180, Map.of("STOCK_AGE_PASSPHRASE", passphrase),
                List.of("expect", script.toString(), out.toString(), in.toString()));
    }
}
