package dev.tufceremony.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Independent tools the tests check our output with (openssl, age, expect, node). Missing under
 * CI=true is a failure, never a skip; on a developer machine without the tool the test is skipped.
 */
public final class ExternalTool {
    private ExternalTool() {
    }

    public static void require(String tool) {
        if (onPath(tool)) {
            return;
        }
        String message = "'" + tool + "' is not installed; the README's test command installs it.";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    public record Result(int exitCode, String output) {
    }

    /** Runs a command (stdout and stderr merged) with a time limit, in {@code workDir}. */
    public static Result run(Path workDir, long timeoutSeconds, List<String> command) throws IOException, InterruptedException {
        return run(workDir, timeoutSeconds, Map.of(), command);
    }

    /** The same with extra environment variables: how a passphrase reaches expect without the command line. */
    public static Result run(Path workDir, long timeoutSeconds, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(environment);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out;
        try (var in = p.getInputStream()) {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            out = in.readAllBytes();
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
