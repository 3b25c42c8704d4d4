package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.backup.KeyBackup;
import dev.tufceremony.backup.KeyBackupException;
import dev.tufceremony.keys.SigningKey;
import dev.tufceremony.media.Drive;
import dev.tufceremony.secret.Passphrase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The yearly backup check (DESIGN §1): each drive's copy decrypts to a root key of the newest root,
 * and all copies hold the same key. Writes nothing on the backup drives.
 */
public final class BackupCheck implements AutoCloseable {
    private final CeremonyEnvironment env;
    private final PublishedRoot current;
    private final Instant started;
    private final AirGapStatus airGap;
    private final List<DriveCheckResult> results = new ArrayList<>();
    private final List<String> deviations = new ArrayList<>();
    /** The first key that opened: it signs the transcript (it is a root key of the newest root). */
    private SigningKey signer;
    private CeremonyReport report;
    private People people = People.unnamed();

    private BackupCheck(CeremonyEnvironment env, PublishedRoot current) {
        this.env = env;
        this.current = current;
        this.started = env.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        this.airGap = env.airGapCheck().check();
        if (!airGap.airGapped()) {
            deviations.add("network interface(s) up: " + String.join(", ", airGap.upInterfaces()));
        }
    }

    /** Loads and verifies the repository's root chain like a client. */
    public static BackupCheck open(Path repositoryDir, CeremonyEnvironment env) {
        Objects.requireNonNull(env);
        return new BackupCheck(env, PublishedRoot.load(repositoryDir, env.clock().instant()));
    }

    /** Who checks and who watches, for the transcript. */
    public void people(People people) {
        this.people = Objects.requireNonNull(people);
    }

    public String repository() {
        return current.repository;
    }

    public RootSummary currentRoot() {
        return RootView.summary(current.newest, current.newestBytes);
    }

    /**
     * Checks one drive; never throws for a bad backup: the result says wrong passphrase, damaged,
     * not a root key, or missing. The passphrase is wiped when done.
     */
    public DriveCheckResult check(Path backupDrive, Passphrase passphrase, Progress progress) {
        DriveCheckResult result;
        try {
            progress.update("Decrypting the backup on " + backupDrive, -1);
            try (KeyBackup.OpenedKey k = current.unlock(backupDrive, passphrase)) {
                String keyid = k.key().keyId();
                String note = k.workFactor().isTestOnly() ? " (its work factor " + k.workFactor().logN() + " is for tests only)" : "";
                result = new DriveCheckResult(backupDrive, true, keyid, "the backup opens to root key " + KeySummary.fingerprint(keyid)
                        + " of root version " + current.version() + note + ".");
                if (signer == null) {
                    byte[] pem = k.key().toPkcs8Pem();
                    try {
                        signer = SigningKey.fromPkcs8Pem(pem);
                    } finally {
                        java.util.Arrays.fill(pem, (byte) 0);
                    }
                }
            }
        } catch (KeyBackupException.WrongPassphrase e) {
            result = new DriveCheckResult(backupDrive, false, null, "wrong passphrase: " + e.getMessage());
        } catch (KeyBackupException.DamagedBackup e) {
            result = new DriveCheckResult(backupDrive, false, null, "damaged: " + e.getMessage());
        } catch (KeyBackupException.UnexpectedKey e) {
            result = new DriveCheckResult(backupDrive, false, null, "not a root key: " + e.getMessage());
        } catch (KeyBackupException.MissingBackup e) {
            result = new DriveCheckResult(backupDrive, false, null, "missing: " + e.getMessage());
        } catch (CeremonyError e) {
            result = new DriveCheckResult(backupDrive, false, null, e.getMessage());
        } finally {
            passphrase.destroy();
        }
        progress.update("Checked " + backupDrive, 1);
        results.add(result);
        return result;
    }

    /** Empty until two drives decrypted; then whether they all hold the same key. */
    public Optional<Boolean> copiesAgree() {
        List<String> ids = results.stream().filter(DriveCheckResult::ok).map(DriveCheckResult::keyid).toList();
        if (ids.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(ids.stream().distinct().count() == 1);
    }

    public List<DriveCheckResult> results() {
        return List.copyOf(results);
    }

    /**
     * Ends the check. With a medium, writes a transcript to {@code <medium>/<repository>/ceremony/},
     * signed by the root key that opened (unsigned when none did). Never writes to the backup drives.
     */
    public CeremonyReport finish(Optional<Path> transcriptMedium) {
        if (report != null) {
            return report;
        }
        List<String> notes = new ArrayList<>();
        Optional<Boolean> agree = copiesAgree();
        boolean allOk = !results.isEmpty() && results.stream().allMatch(DriveCheckResult::ok) && agree.orElse(true);
        notes.add(allOk ? "every checked backup opens to a current root key" + (agree.isPresent() ? " and the copies agree" : "")
                : "at least one backup failed: replace it from a good copy by running a rotation (a kept key may be re-written to new drives)");
        if (results.size() < 2) {
            notes.add("only one drive was checked: check the other copy too");
        }
        List<WrittenFile> written = new ArrayList<>();
        List<DriveSummary> drives = new ArrayList<>();
        Path transcriptPath = null;
        if (transcriptMedium.isPresent()) {
            Path medium = transcriptMedium.get();
            Drive x = Media.resolve(Media.EXPORT, medium, env, true);
            if (!x.removable()) {
                deviations.add(Media.plainFolderDeviation(Media.EXPORT, x));
            }
            for (DriveCheckResult r : results) {
                Path real = r.drive().toAbsolutePath().normalize();
                if (real.startsWith(medium.toAbsolutePath().normalize()) || medium.toAbsolutePath().normalize().startsWith(real)) {
                    throw new CeremonyError("The transcript medium " + medium + " is the backup drive " + r.drive()
                            + ", and the backup check writes nothing on backup drives; give another medium for the transcript.");
                }
            }
            drives.add(Media.summary(Media.EXPORT, x));
            ExportLayout layout = ExportLayout.on(medium, current.repository);
            String name = ExportLayout.transcriptName(started, CeremonyKind.BACKUP_CHECK, List.of(layout.ceremonyDir()));
            Transcript t = Transcript.begin(CeremonyKind.BACKUP_CHECK, current.repository, people, airGap, env.clock());
            deviations.forEach(t::deviation);
            t.field("root-version", Long.toString(current.version()));
            t.step("verify root chain 1.." + current.version() + " like a client (spec 5.3)", "ok");
            for (DriveCheckResult r : results) {
                t.step("check backup on " + r.drive(), r.ok() ? "ok" : "FAILED: " + r.message(),
                        r.keyid() == null ? List.of() : List.of(r.keyid()), List.of());
            }
            agree.ifPresent(a -> t.step("compare copies", a ? "ok, the same key" : "FAILED: different keys"));
            byte[] text = t.toBytes();
            transcriptPath = layout.ceremonyDir().resolve(name);
            written.add(PlannedWrites.write(env.writer(), Media.EXPORT, transcriptPath, text));
            if (signer != null) {
                written.add(PlannedWrites.write(env.writer(), Media.EXPORT, layout.ceremonyDir().resolve(name + ".sig"),
                        Transcript.signatureFile(text, List.of(signer))));
            } else {
                notes.add("the transcript is not signed: no backup opened to a root key");
            }
            transcriptPath = transcriptPath.toAbsolutePath().normalize();
        }
        List<KeySummary> keys = results.stream().filter(DriveCheckResult::ok).map(DriveCheckResult::keyid).distinct()
                .map(id -> KeySummary.of("root", current.newest.signed().keys().get(id))).toList();
        report = new CeremonyReport(CeremonyKind.BACKUP_CHECK, current.repository, keys, written, drives, transcriptPath, notes, deviations);
        return report;
    }

    @Override
    public void close() {
        if (signer != null) {
            signer.destroy();
        }
    }
}
