package dev.tufceremony.cli;

import dev.tufceremony.testing.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
        ProcessBuilder pb = new ProcessBuilder("expect", script.toString(), out.toString(), in.toString())
                .directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().put("STOCK_AGE_PASSPHRASE", passphrase);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] output;
        try (var stream = p.getInputStream()) {
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("expect/age timed out");
            }
            output = stream.readAllBytes();
        }
        return new ExternalTool.Result(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
