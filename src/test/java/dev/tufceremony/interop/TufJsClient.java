package dev.tufceremony.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs tuf-js 5.0.1 (an independent TUF client, pinned by {@code src/test/interop/package-lock.json})
 * against a repository folder through {@code src/test/interop/tufjs-client.mjs}: a loopback HTTP
 * server serves {@code metadata/} and {@code targets/}, the client trusts only the root file given,
 * refreshes (spec 5.3–5.6) and downloads the named targets (5.7).
 *
 * <p>Node and npm missing: the calling test is skipped, unless the environment says {@code CI=true},
 * where it fails. {@code npm ci} runs at most once per JVM, and only when {@code node_modules} was
 * not installed from the current lock file.
 */
public final class TufJsClient {
    static final String INTEROP_DIR = "src/test/interop";
    static final String SCRIPT = "tufjs-client.mjs";
    /** Written into node_modules after a successful {@code npm ci}: the lock file's SHA-256. */
    static final String INSTALL_MARKER = ".tuf-ceremony-installed-lock.sha256";

    private static final long RUN_TIMEOUT_SECONDS = 90;
    private static final long NPM_TIMEOUT_SECONDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object INSTALL_LOCK = new Object();
    private static volatile boolean installed;

    private TufJsClient() {}

    /** What the script printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr, JsonNode summary) {
        /** tuf-js refreshed and downloaded every requested target. */
        public boolean ok() {
            return exitCode == 0 && summary != null && summary.path("ok").asBoolean(false);
        }

        /** tuf-js's error class on failure, e.g. {@code UnsignedMetadataError}; null on success. */
        public String errorKind() {
            return summary == null ? null : summary.path("kind").asText(null);
        }

        /** tuf-js's error message on failure; null on success. */
        public String error() {
            return summary == null ? null : summary.path("error").asText(null);
        }

        /** Version of the trusted {@code role} ("root", "timestamp", "snapshot", "targets") after refresh, or -1. */
        public int version(String role) {
            return summary == null ? -1 : summary.path("versions").path(role).asInt(-1);
        }

        /** The HTTP requests the client made, in order, as "STATUS /path" (path decoded). */
        public List<String> requests() {
            List<String> out = new ArrayList<>();
            if (summary != null) {
                summary.path("requests").forEach(r -> out.add(r.asText()));
            }
            return out;
        }

        /** Downloaded targets: target path → sha256 hex that node computed over the written file. */
        public Map<String, String> downloadedSha256() {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            if (summary != null) {
                summary.path("targets").forEach(t -> out.put(t.path("path").asText(), t.path("sha256").asText()));
            }
            return out;
        }

        /** For assertion messages: everything the script said. */
        public String describe() {
            return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    /**
     * Serves {@code repoDir} and runs tuf-js with {@code trustedRoot} as its only trust anchor.
     * {@code outDir} must not exist or be empty; afterwards it holds the client's metadata cache
     * ({@code outDir/metadata}) and the downloaded targets ({@code outDir/targets/<target path>}).
     */
    public static Result run(Path repoDir, Path trustedRoot, Path outDir, String... targetPaths) {
        return new Tools(System.getenv(), "node", "npm").run(repoDir, trustedRoot, outDir, targetPaths);
    }

    /** The node project beside the tests, relative to the Maven basedir (surefire's working directory). */
    static Path interopDir() {
        Path dir = Path.of(System.getProperty("user.dir")).resolve(INTEROP_DIR).toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(SCRIPT))) {
            Assertions.fail("The tuf-js interop project is missing: expected " + INTEROP_DIR + "/" + SCRIPT
                    + " under the Maven basedir " + System.getProperty("user.dir") + "; run the tests from the project root.");
        }
        return dir;
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tool lookup and the CI rule, with the environment and command names injectable for tests. */
    static final class Tools {
        private final Map<String, String> env;
        private final String node;
        private final String npm;

        Tools(Map<String, String> env, String node, String npm) {
            this.env = env;
            this.node = node;
            this.npm = npm;
        }

        boolean ci() {
            return "true".equalsIgnoreCase(env.getOrDefault("CI", ""));
        }

        /** Skips the calling test, or fails it under CI=true. Never returns normally. */
        void toolMissing(String tool, String detail) {
            String message = tool + " is not installed or not on PATH (" + detail + "); the tuf-js interoperability"
                    + " tests need Node.js 20.17+ and npm (Debian: apt-get install -y nodejs npm).";
            if (ci()) {
                Assertions.fail("CI=true and " + message);
            }
            Assumptions.abort(message);
        }

        /** Returns {@code <tool> --version}, or skips/fails the test when the tool cannot be started. */
        String requireTool(String command) {
            Output out;
            try {
                out = exec(List.of(command, "--version"), null, 30);
            } catch (IOException e) {
                toolMissing(command, e.getMessage());
                throw new AssertionError("unreachable");
            }
            if (out.exitCode != 0) {
                toolMissing(command, "'" + command + " --version' exited with " + out.exitCode + ": " + out.stderr.strip());
            }
            return out.stdout.strip();
        }

        Result run(Path repoDir, Path trustedRoot, Path outDir, String... targetPaths) {
            requireTool(node);
            Path dir = interopDir();
            ensureInstalled(dir);
            List<String> cmd = new ArrayList<>(List.of(node, dir.resolve(SCRIPT).toString(),
                    repoDir.toAbsolutePath().toString(), trustedRoot.toAbsolutePath().toString(),
                    outDir.toAbsolutePath().toString()));
            cmd.addAll(List.of(targetPaths));
            Output out;
            try {
                out = exec(cmd, dir, RUN_TIMEOUT_SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + node, e);
            }
            JsonNode summary = null;
            String last = lastLine(out.stdout);
            if (last != null) {
                try {
                    summary = JSON.readTree(last);
                } catch (IOException e) {
                    summary = null;
                }
            }
            return new Result(out.exitCode, out.stdout, out.stderr, summary);
        }

        private void ensureInstalled(Path dir) {
            synchronized (INSTALL_LOCK) {
                if (installed) {
                    return;
                }
                try {
                    String lockHash = sha256Hex(Files.readAllBytes(dir.resolve("package-lock.json")));
                    Path marker = dir.resolve("node_modules").resolve(INSTALL_MARKER);
                    boolean current = Files.isRegularFile(marker)
                            && Files.readString(marker, StandardCharsets.US_ASCII).strip().equals(lockHash)
                            && Files.isDirectory(dir.resolve("node_modules/tuf-js"));
                    if (!current) {
                        requireTool(npm);
                        Output out = exec(List.of(npm, "ci", "--no-audit", "--no-fund"), dir, NPM_TIMEOUT_SECONDS);
                        if (out.exitCode != 0) {
                            Assertions.fail("'npm ci' in " + INTEROP_DIR + " failed (exit " + out.exitCode
                                    + "); the tuf-js interop tests cannot run:\n" + out.stdout + out.stderr);
                        }
                        Files.writeString(marker, lockHash + "\n", StandardCharsets.US_ASCII);
                    }
                    installed = true;
                } catch (IOException e) {
                    throw new UncheckedIOException("could not install the tuf-js interop project in " + INTEROP_DIR, e);
                }
            }
        }
    }

    record Output(int exitCode, String stdout, String stderr) {}

    /** Runs a command, reading both streams fully; kills it and fails the test after the timeout. */
    static Output exec(List<String> command, Path workDir, long timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                Assertions.fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s and was killed;"
                        + " output so far:\n" + stdout.getNow("") + stderr.getNow(""));
            }
            return new Output(p.exitValue(), stdout.join(), stderr.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? null : lines[lines.length - 1];
    }
}
