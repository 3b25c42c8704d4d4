package dev.tufceremony.cli;

import dev.tufceremony.tuf.RepositoryVerifier;
import dev.tufceremony.tuf.VerificationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

/** {@code verify DIR [--at INSTANT]}: checks a repository folder as a TUF client would. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a TUF repository folder (metadata/ and targets/) the way a client would.",
                "Prints one line per file; exits 0 only when everything verifies."})
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Repository folder containing metadata/ (and targets/).")
    Path dir;

    @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "Check expiry as of this UTC time, e.g. 2026-12-01T00:00:00Z (default: now).")
    Instant at;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Clock clock = at == null ? Clock.systemUTC() : Clock.fixed(at, ZoneOffset.UTC);
        VerificationReport report = new RepositoryVerifier(clock).verify(dir);
        PrintWriter out = spec.commandLine().getOut();
        report.lines().forEach(out::println);
        out.flush();
        return report.ok() ? 0 : 1;
    }

    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a UTC time like 2026-12-01T00:00:00Z");
            }
        }
    }
}
