package dev.tufceremony.cli;

import dev.tufceremony.ceremony.CeremonyEnvironment;
import dev.tufceremony.ceremony.CeremonyFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process with a test environment, capturing what it prints. */
final class CeremonyCliHarness {
    record Run(int exitCode, String out, String err) {
        String all() {
            return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private CeremonyCliHarness() {
    }

    static void useEnvironment(Clock clock) {
        CeremonyEnvironment env = CeremonyFixture.environment(clock);
        CeremonyCli.environment = () -> env;
    }

    static void reset() {
        CeremonyCli.environment = CeremonyEnvironment::production;
        CeremonyCli.console = ConsoleReader::system;
    }

    static Run run(Object... args) {
        List<String> a = new ArrayList<>();
        for (Object o : args) {
            a.add(o instanceof Path p ? p.toString() : String.valueOf(o));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), a.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
