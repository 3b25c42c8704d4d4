package dev.tufceremony.cli;

import java.io.Console;
import java.util.Optional;

/** Reads one secret line without echo, as {@link Console#readPassword} does; tests give their own. */
@FunctionalInterface
interface ConsoleReader {
    /** The characters typed (the caller owns and wipes them), or null at end of input. */
    char[] readPassword(String prompt);

    /** The JVM's console; empty when the program does not run in a terminal. */
    static Optional<ConsoleReader> system() {
        Console console = System.console();
        return console == null ? Optional.empty() : Optional.of(prompt -> console.readPassword("%s", prompt));
    }
}
