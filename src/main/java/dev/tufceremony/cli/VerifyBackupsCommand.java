package dev.tufceremony.cli;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.ceremony.BackupCheck;
import dev.tufceremony.ceremony.CeremonyReport;
import dev.tufceremony.ceremony.DriveCheckResult;
import dev.tufceremony.ceremony.People;
import dev.tufceremony.ceremony.Progress;
import dev.tufceremony.secret.Passphrase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code verify-backups}: each drive's copy opens to a root key of the newest root; copies agree. */
@Command(name = "verify-backups", mixinStandardHelpOptions = true,
        description = "Check root-key backups: each decrypts to a root key of the newest root.json, and all copies agree. Writes nothing to the drives.")
public final class VerifyBackupsCommand implements Callable<Integer> {
    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "The repository folder (holding metadata/).")
    Path repo;

    @Option(names = "--backup", required = true, paramLabel = "DIR", description = "A backup drive; repeat for each.")
    List<Path> backups = new ArrayList<>();

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Passphrase of the backups (default: asked on the console).")
    Path passphraseFile;

    @Option(names = "--transcript-to", paramLabel = "DIR", description = "Write a signed transcript to this medium (default: none).")
    Path transcriptTo;

    @Option(names = "--operator", paramLabel = "NAME")
    String operator;

    @Option(names = "--witness", paramLabel = "NAME")
    List<String> witnesses = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allOk = true;
        try (BackupCheck check = BackupCheck.open(repo, CeremonyCli.environment())) {
            check.people(operator == null ? new People(People.unnamed().operator(), witnesses) : new People(operator, witnesses));
            try (Passphrase passphrase = CeremonyCli.passphrase(passphraseFile, "--passphrase-file", "backup passphrase", false)) {
                for (Path drive : backups) {
                    DriveCheckResult r = check.check(drive, Passphrase.copyOf(passphrase.chars()), Progress.NONE);
                    (r.ok() ? out : err).printf("%s %s: %s%n", r.ok() ? "ok" : "FAILED", r.drive(), r.message());
                    allOk &= r.ok();
                }
            }
            Optional<Boolean> agree = check.copiesAgree();
            if (agree.isPresent()) {
                if (agree.get()) {
                    out.println("ok: all copies hold the same root key");
                } else {
                    err.println("FAILED: the copies hold different keys; check which drive belongs to this repository.");
                    allOk = false;
                }
            }
            CeremonyReport report = check.finish(Optional.ofNullable(transcriptTo));
            if (report.transcript() != null) {
                out.println("transcript: " + report.transcript());
            }
        }
        out.flush();
        err.flush();
        if (!allOk) {
            throw new CeremonyError("The backup check failed for the drive(s) marked FAILED above; replace those backups from a good copy with a rotation.");
        }
        return 0;
    }
}
