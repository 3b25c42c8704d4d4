package dev.tufceremony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CliTest {
    @Test
    void unknownCommandIsOneClearLineAndNonZero() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), "no-such-command");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("no-such-command").doesNotContain("\tat ");
    }

    @Test
    void versionNamesTheProgram() {
        StringWriter out = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--version");
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("tuf-ceremony ").contains("jar SHA-256");
    }
}
