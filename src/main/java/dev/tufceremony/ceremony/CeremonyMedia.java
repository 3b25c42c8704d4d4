package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.backup.KeyBackup;
import dev.tufceremony.backup.WorkFactor;
import dev.tufceremony.keys.SigningKey;
import dev.tufceremony.media.Drive;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The three media of one bootstrap or rotation (backup A, backup B, export) once checked, and what
 * both ceremonies put on them: the root key backup on each drive, exported online keys, and the
 * signed transcript on all three.
 */
final class CeremonyMedia {
    private final CeremonyEnvironment env;
    private final String repository;
    private final Path backupA;
    private final Path backupB;
    private final ExportLayout export;
    private final AirGapStatus airGap;
    private final List<DriveSummary> drives = new ArrayList<>();
    private final List<String> deviations = new ArrayList<>();
    private String transcriptName;

    private CeremonyMedia(CeremonyEnvironment env, String repository, Path backupA, Path backupB, ExportLayout export,
            AirGapStatus airGap) {
        this.env = env;
        this.repository = repository;
        this.backupA = backupA;
        this.backupB = backupB;
        this.export = export;
        this.airGap = airGap;
    }

    /**
     * Refuses, before anything is written, a required air gap that is not there, a missing or
     * non-removable (unless allowed) drive, and two media on one device; records the deviations.
     */
    static CeremonyMedia check(CeremonyRequest request, Path exportMedium, String repository, CeremonyEnvironment env) {
        AirGapStatus airGap = env.airGapCheck().check();
        if (request.requireAirGap() && !airGap.airGapped()) {
            throw new CeremonyError("This machine has network interface(s) up (" + String.join(", ", airGap.upInterfaces())
                    + ") and an air gap is required; disconnect them and start again — nothing was written.");
        }
        Drive a = Media.resolve(Media.BACKUP_A, request.backupA(), env, request.allowNonRemovable());
        Drive b = Media.resolve(Media.BACKUP_B, request.backupB(), env, request.allowNonRemovable());
        Drive x = Media.resolve(Media.EXPORT, exportMedium, env, request.allowNonRemovable());
        Media.requireDistinct(Media.BACKUP_A, a, Media.BACKUP_B, b);
        Media.requireDistinct(Media.BACKUP_A, a, Media.EXPORT, x);
        Media.requireDistinct(Media.BACKUP_B, b, Media.EXPORT, x);

        CeremonyMedia m = new CeremonyMedia(env, repository, request.backupA(), request.backupB(),
                ExportLayout.on(exportMedium, repository), airGap);
        m.drives.add(Media.summary(Media.BACKUP_A, a));
        m.drives.add(Media.summary(Media.BACKUP_B, b));
        m.drives.add(Media.summary(Media.EXPORT, x));
        for (Drive d : List.of(a, b, x)) {
            if (!d.removable()) {
                m.deviations.add(Media.plainFolderDeviation(d == a ? Media.BACKUP_A : d == b ? Media.BACKUP_B : Media.EXPORT, d));
            }
        }
        if (request.workFactor().testOnly()) {
            m.deviations.add("scrypt work factor " + request.workFactor().logN() + " is for automated tests only and does not protect a real key");
        }
        if (!airGap.airGapped()) {
            m.deviations.add("network interface(s) up: " + String.join(", ", airGap.upInterfaces()));
        }
        return m;
    }

    ExportLayout export() {
        return export;
    }

    List<DriveSummary> drives() {
        return drives;
    }

    List<String> deviations() {
        return deviations;
    }

    private Path drive(String medium) {
        return medium.equals(Media.BACKUP_A) ? backupA : backupB;
    }

    private Path ceremonyDirOn(String medium) {
        return KeyBackup.directory(drive(medium), repository).resolve("ceremony");
    }

    /** Picks a transcript name free on all three media, and plans the root key backup and transcript on both drives. */
    void planBackups(PlannedWrites plan, Instant now, CeremonyKind kind, SigningKey rootKey) {
        transcriptName = ExportLayout.transcriptName(now, kind,
                List.of(export.ceremonyDir(), ceremonyDirOn(Media.BACKUP_A), ceremonyDirOn(Media.BACKUP_B)));
        String base = KeyBackup.baseName("root", rootKey.keyId());
        for (String medium : List.of(Media.BACKUP_A, Media.BACKUP_B)) {
            Path dir = KeyBackup.directory(drive(medium), repository);
            for (String name : List.of(base + KeyFiles.KEY_SUFFIX, base + KeyFiles.SIDECAR_SUFFIX, "root.json", "RECOVERY.txt")) {
                plan.add(medium, dir.resolve(name));
            }
            plan.add(medium, dir.resolve("ceremony").resolve(transcriptName));
            plan.add(medium, dir.resolve("ceremony").resolve(transcriptName + ".sig"));
        }
    }

    void planOnlineKeys(PlannedWrites plan, Map<OnlineRole, SigningKey> keys) {
        keys.forEach((role, k) -> {
            String kb = KeyBackup.baseName(role.roleName(), k.keyId());
            plan.add(Media.EXPORT, export.onlineKeysDir().resolve(kb + KeyFiles.KEY_SUFFIX));
            plan.add(Media.EXPORT, export.onlineKeysDir().resolve(kb + KeyFiles.SIDECAR_SUFFIX));
        });
    }

    void planExportTranscript(PlannedWrites plan) {
        plan.add(Media.EXPORT, export.ceremonyDir().resolve(transcriptName));
        plan.add(Media.EXPORT, export.ceremonyDir().resolve(transcriptName + ".sig"));
    }

    /** The transcript header: deviations, the ceremony's own fields, work factor, and each medium. */
    Transcript beginTranscript(CeremonyKind kind, CeremonyRequest request, Consumer<Transcript> rootFields) {
        Transcript t = Transcript.begin(kind, repository, request.people(), airGap, env.clock());
        deviations.forEach(t::deviation);
        rootFields.accept(t);
        t.field("work-factor", Integer.toString(request.workFactor().logN()));
        drives.forEach(d -> t.field("medium", d.medium() + " " + d.mountPath() + " label " + d.label() + " serial "
                + d.serial() + (d.removable() ? "" : " (not removable)")));
        return t;
    }

    /** Writes (and reads back) the root key backup files on both drives, one transcript step per drive. */
    List<WrittenFile> writeRootBackup(Map<String, byte[]> backup, SigningKey rootKey, Transcript transcript, Progress progress,
            double fractionA, double fractionB) {
        List<WrittenFile> written = new ArrayList<>();
        for (String medium : List.of(Media.BACKUP_A, Media.BACKUP_B)) {
            Path drive = drive(medium);
            progress.update("Writing the root key backup to " + medium, medium.equals(Media.BACKUP_A) ? fractionA : fractionB);
            List<WrittenFile> files = new ArrayList<>();
            backup.forEach((rel, bytes) -> files.add(PlannedWrites.write(env.writer(), medium, drive.resolve(rel), bytes)));
            transcript.step("write root key backup to " + medium, "ok, read back", List.of(rootKey.keyId()), files);
            written.addAll(files);
        }
        return written;
    }

    /**
     * Encrypts an online key as the operator chose, proves a passphrase-protected file opens to it,
     * and writes both files to {@code online-keys/} on the export medium.
     */
    List<WrittenFile> exportOnlineKey(SigningKey key, OnlineRole role, OnlineKeyProtection protection, WorkFactor wf, Instant now,
            SecureRandom random) {
        Map<String, byte[]> files = KeyFiles.exportOnlineKey(key, role, repository, protection, wf, now, random);
        if (protection instanceof OnlineKeyProtection.UnderPassphrase u) {
            KeyFiles.requireOpensTo(files.get(KeyBackup.baseName(role.roleName(), key.keyId()) + KeyFiles.KEY_SUFFIX),
                    u.passphrase(), key, role.roleName() + " key export");
        }
        List<WrittenFile> out = new ArrayList<>();
        files.forEach((name, bytes) -> out.add(PlannedWrites.write(env.writer(), Media.EXPORT, export.onlineKeysDir().resolve(name), bytes)));
        return out;
    }

    /** Signs the transcript and writes it with its signature to the export medium and both drives; returns its export path. */
    Path writeTranscript(Transcript transcript, SigningKey signer, List<WrittenFile> written) {
        byte[] text = transcript.toBytes();
        byte[] sig = Transcript.signatureFile(text, List.of(signer));
        Path transcriptPath = export.ceremonyDir().resolve(transcriptName);
        written.add(PlannedWrites.write(env.writer(), Media.EXPORT, transcriptPath, text));
        written.add(PlannedWrites.write(env.writer(), Media.EXPORT, export.ceremonyDir().resolve(transcriptName + ".sig"), sig));
        for (String medium : List.of(Media.BACKUP_A, Media.BACKUP_B)) {
            Path dir = ceremonyDirOn(medium);
            written.add(PlannedWrites.write(env.writer(), medium, dir.resolve(transcriptName), text));
            written.add(PlannedWrites.write(env.writer(), medium, dir.resolve(transcriptName + ".sig"), sig));
        }
        return transcriptPath.toAbsolutePath().normalize();
    }
}
