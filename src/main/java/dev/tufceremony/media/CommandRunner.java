package dev.tufceremony.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a platform tool and returns its standard output; injectable so captured outputs drive tests. */
@FunctionalInterface
public interface CommandRunner {
    /** Runs {@code command}; an IOException when it cannot start, fails, or takes more than 15 seconds. */
    String run(List<String> command) throws IOException;

    CommandRunner PROCESS = command -> {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            process.getOutputStream().close();
            in.transferTo(out);
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within 15 seconds");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " was interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(command.get(0) + " exited with status " + process.exitValue());
        }
        return out.toString(StandardCharsets.UTF_8);
    };
}
