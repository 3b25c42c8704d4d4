package dev.tufceremony.cli;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.ceremony.CeremonyEnvironment;
import dev.tufceremony.ceremony.CeremonyReport;
import dev.tufceremony.ceremony.KeySummary;
import dev.tufceremony.ceremony.Progress;
import dev.tufceremony.ceremony.RootSummary;
import dev.tufceremony.ceremony.WrittenFile;
import dev.tufceremony.secret.Passphrase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** What the ceremony commands share: the environment, passphrase input, and report printing. */
final class CeremonyCli {
    /** Replaced only by tests in this package (fixed clock, air gap). */
    static Supplier<CeremonyEnvironment> environment = CeremonyEnvironment::production;
    /** Replaced only by tests in this package (typed passphrases). */
    static Supplier<Optional<ConsoleReader>> console = ConsoleReader::system;

    private CeremonyCli() {
    }

    static CeremonyEnvironment environment() {
        return environment.get();
    }

    /**
     * The first line of {@code file}, or asked on the console without echo (twice when
     * {@code creating}, and the two must match).
     */
    static Passphrase passphrase(Path file, String option, String what, boolean creating) {
        if (file != null) {
            return Passphrase.readFirstLine(file);
        }
        ConsoleReader reader = console.get().orElseThrow(() -> new CeremonyError("No console is available to ask for the " + what
                + "; run in a terminal or give it in a file with " + option + "."));
        char[] first = reader.readPassword(capitalized(what) + ": ");
        if (first == null || first.length == 0) {
            throw new CeremonyError("No " + what + " was entered; run the command again and type it.");
        }
        Passphrase p = Passphrase.wrap(first);
        if (creating) {
            char[] again = reader.readPassword(capitalized(what) + " again: ");
            try (Passphrase second = Passphrase.wrap(again == null ? new char[0] : again)) {
                if (!p.sameAs(second)) {
                    p.destroy();
                    throw new CeremonyError("The two entries of the " + what + " differ; run the command again and type the same passphrase twice.");
                }
            }
        }
        return p;
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static void printRoot(PrintWriter out, RootSummary root) {
        out.printf("root version %d, expires %s, consistent_snapshot %s%n", root.version(), root.expires(), root.consistentSnapshot());
        root.roles().forEach(r -> {
            out.printf("  %-9s threshold %d%n", r.role(), r.threshold());
            r.keys().forEach(k -> out.printf("    %s  %s  (%s)%n", k.fingerprint(), k.keyid(), k.keytype()));
        });
    }

    /** Runs a prepared ceremony, printing each step as it starts, then the report. */
    static void executeAndReport(PrintWriter out, Function<Progress, CeremonyReport> execute) {
        printReport(out, execute.apply((step, fraction) -> out.println("... " + step)));
    }

    /** Wipes the passphrases that were read (null: not read yet). */
    static void destroyAll(Passphrase... passphrases) {
        for (Passphrase p : passphrases) {
            if (p != null) {
                p.destroy();
            }
        }
    }

    static void printReport(PrintWriter out, CeremonyReport report) {
        out.printf("%s of %s finished.%n", report.kind().slug(), report.repository());
        out.println("keys:");
        for (KeySummary k : report.keys()) {
            out.printf("  %-9s %s  %s (%s)%n", k.role(), k.fingerprint(), k.keyid(), k.keytype());
        }
        out.println("files written and read back:");
        for (WrittenFile f : report.files()) {
            out.printf("  %-8s %s  sha256 %s  %d bytes%n", f.medium(), f.path(), f.sha256(), f.size());
        }
        report.drives().forEach(d -> out.printf("drive %s: %s label %s serial %s%s%n", d.medium(), d.mountPath(),
                d.label(), d.serial(), d.removable() ? "" : " (NOT a removable drive)"));
        if (report.transcript() != null) {
            out.println("transcript: " + report.transcript());
        }
        report.deviations().forEach(d -> out.println("DEVIATION: " + d));
        report.notes().forEach(n -> out.println("NEXT: " + n));
        out.flush();
    }

    static void wipe(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }
}
