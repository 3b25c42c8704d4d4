package dev.tufceremony.cli;

import dev.tufceremony.CeremonyError;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the headless commands; turns failures into one clear line (trace with --debug). */
public final class Cli {
    private Cli() {
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(new TufCeremonyCommand());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug")
                    || (parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--debug"));
            PrintWriter e = commandLine.getErr();
            if (ex instanceof CeremonyError) {
                e.println("error: " + ex.getMessage());
            } else {
                e.println("error: unexpected " + ex.getClass().getSimpleName()
                        + (ex.getMessage() != null ? ": " + ex.getMessage() : "")
                        + " (run again with --debug for details)");
            }
            if (debug) {
                ex.printStackTrace(e);
            }
            e.flush();
            return 1;
        });
        return cmd.execute(args);
    }
}
