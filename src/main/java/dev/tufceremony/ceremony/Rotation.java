package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.backup.KeyBackup;
import dev.tufceremony.backup.WorkFactor;
import dev.tufceremony.backup.X25519Recipient;
import dev.tufceremony.keys.SigningKey;
import dev.tufceremony.media.Drive;
import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.tuf.Metadata;
import dev.tufceremony.tuf.MetadataCodec;
import dev.tufceremony.tuf.Root;
import dev.tufceremony.tuf.RootChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Root rotation (TUF spec §5.3, DESIGN §1): N+1.root.json signed by the old and the new root keys.
 * {@link #open} loads and verifies the chain like a client; {@link #unlock} decrypts the old key from
 * a backup drive; {@link #prepare} builds N+1 for review; {@link #execute} writes and verifies.
 * Old backups and older root versions are never modified.
 */
public final class Rotation implements AutoCloseable {
    private final CeremonyEnvironment env;
    private final PublishedRoot current;
    private final List<KeyBackup.OpenedKey> unlocked = new ArrayList<>();
    private final List<Passphrase> owned = new ArrayList<>();

    private RotationRequest request;
    private Instant now;
    private SigningKey newRootKey;
    private final Map<OnlineRole, SigningKey> newOnlineKeys = new EnumMap<>(OnlineRole.class);
    private Metadata<Root> next;
    private byte[] nextBytes;
    private ExportLayout target;
    private Path unlockDrive;
    private String transcriptName;
    private Transcript transcript;
    private final List<String> deviations = new ArrayList<>();
    private final List<DriveSummary> drives = new ArrayList<>();
    private RootSummary summary;
    private CeremonyReport report;

    private Rotation(CeremonyEnvironment env, PublishedRoot current) {
        this.env = env;
        this.current = current;
    }

    /** {@code repositoryDir} is {@code <medium>/<repository>} holding {@code metadata/}. */
    public static Rotation open(Path repositoryDir, CeremonyEnvironment env) {
        Objects.requireNonNull(env);
        return new Rotation(env, PublishedRoot.load(repositoryDir, env.clock().instant()));
    }

    public String repository() {
        return current.repository;
    }

    public RootSummary currentRoot() {
        return RootView.summary(current.newest, current.newestBytes);
    }

    /** Rotating away from an expired root is allowed (spec §5.3.10 stops only a client's update). */
    public boolean currentRootExpired() {
        return current.expired;
    }

    /**
     * Decrypts the old root key from a backup drive and checks it is a root key of the newest root.
     * The passphrase is wiped when done.
     */
    public KeySummary unlock(Path oldBackupDrive, Passphrase passphrase) {
        try {
            if (summary != null) {
                throw new IllegalStateException("unlock before prepare");
            }
            KeyBackup.OpenedKey k = current.unlock(oldBackupDrive, passphrase);
            if (unlocked.stream().anyMatch(u -> u.key().keyId().equals(k.key().keyId()))) {
                k.close();
            } else {
                unlocked.add(k);
            }
            unlockDrive = oldBackupDrive;
            return KeySummary.of("root", k.sidecar().key());
        } finally {
            passphrase.destroy();
        }
    }

    /** Validates the request (nothing to overwrite, gate, drives), makes keys, signs N+1 in memory. */
    public RootSummary prepare(RotationRequest request) {
        if (summary != null) {
            throw new IllegalStateException("already prepared");
        }
        this.request = Objects.requireNonNull(request);
        owned.add(request.newPassphrase());
        request.onlineKeyProtection().ifPresent(p -> {
            if (p instanceof OnlineKeyProtection.UnderPassphrase u) {
                owned.add(u.passphrase());
            }
        });
        if (unlocked.isEmpty()) {
            throw new CeremonyError("No current root key is unlocked; insert a backup drive of the current root key and unlock it first.");
        }
        Root old = current.newest.signed();
        int threshold = old.role("root").threshold();
        if (unlocked.size() < threshold) {
            throw new CeremonyError("Root version " + old.version() + " needs " + threshold + " root keys to sign the next version, but "
                    + unlocked.size() + " is unlocked; unlock the other keyholders' backups first.");
        }
        now = env.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        String repo = current.repository;

        AirGapStatus airGap = env.airGapCheck().check();
        if (request.requireAirGap() && !airGap.airGapped()) {
            throw new CeremonyError("This machine has network interface(s) up (" + String.join(", ", airGap.upInterfaces())
                    + ") and an air gap is required; disconnect them and start again — nothing was written.");
        }
        Path exportMedium = request.export().orElse(current.layout.repositoryDir().getParent());
        target = ExportLayout.on(exportMedium, repo);
        boolean inPlace = target.repositoryDir().toAbsolutePath().normalize().equals(current.layout.repositoryDir());
        Drive a = Media.resolve(Media.BACKUP_A, request.backupA(), env, request.allowNonRemovable());
        Drive b = Media.resolve(Media.BACKUP_B, request.backupB(), env, request.allowNonRemovable());
        Drive x = Media.resolve(Media.EXPORT, exportMedium, env, request.allowNonRemovable());
        Media.requireDistinct(Media.BACKUP_A, a, Media.BACKUP_B, b);
        Media.requireDistinct(Media.BACKUP_A, a, Media.EXPORT, x);
        Media.requireDistinct(Media.BACKUP_B, b, Media.EXPORT, x);
        List<String> inputs = Gate.userInputs(repo, request.people());
        Gate.require(request.newPassphrase(), "new backup passphrase", inputs);
        Set<OnlineRole> rotate = request.rotateOnlineKeys();
        request.onlineKeyProtection().ifPresent(p -> {
            if (p instanceof OnlineKeyProtection.UnderPassphrase u) {
                Gate.require(u.passphrase(), "online keys passphrase", inputs);
                if (u.passphrase().sameAs(request.newPassphrase())) {
                    throw new CeremonyError("The online keys passphrase is the root backup passphrase; give the online keys a different "
                            + "passphrase — nothing was written.");
                }
            } else if (p instanceof OnlineKeyProtection.ToRecipient r) {
                X25519Recipient.parse(r.ageRecipient());
            }
        });
        drives.clear();
        deviations.clear();
        drives.add(Media.summary(Media.BACKUP_A, a));
        drives.add(Media.summary(Media.BACKUP_B, b));
        drives.add(Media.summary(Media.EXPORT, x));
        for (Drive d : List.of(a, b, x)) {
            if (!d.removable()) {
                deviations.add(Media.plainFolderDeviation(d == a ? Media.BACKUP_A : d == b ? Media.BACKUP_B : Media.EXPORT, d));
            }
        }
        if (request.workFactor().testOnly()) {
            deviations.add("scrypt work factor " + request.workFactor().logN() + " is for automated tests only and does not protect a real key");
        }
        if (!airGap.airGapped()) {
            deviations.add("network interface(s) up: " + String.join(", ", airGap.upInterfaces()));
        }

        // Keys and N+1, in memory.
        List<SigningKey> oldKeys = unlocked.stream().map(KeyBackup.OpenedKey::key).toList();
        if (request.keepRootKey()) {
            if (oldKeys.size() != 1 || old.role("root").keyids().size() != 1) {
                throw new CeremonyError("Keeping the root key is supported for a root with one root key; rotate to new keys instead.");
            }
            newRootKey = oldKeys.get(0);
        } else {
            newRootKey = SigningKey.generate(request.keyType(), env.random());
        }
        Root n = old.next().withExpires(now.plus(request.rootExpiry()));
        if (!request.keepRootKey()) {
            n = n.withRoleKeys("root", List.of(newRootKey.publicKey()), 1);
        }
        for (OnlineRole role : rotate) {
            SigningKey k = SigningKey.generate(request.keyType(), env.random());
            newOnlineKeys.put(role, k);
            n = n.withRoleKeys(role.roleName(), List.of(k.publicKey()), 1);
        }
        List<SigningKey> signers = new ArrayList<>(oldKeys);
        if (!request.keepRootKey()) {
            signers.add(newRootKey);
        }
        next = Metadata.sign(n, signers);
        nextBytes = MetadataCodec.write(next);
        RootChain.Step step = RootChain.checkStep(current.newest, next);
        if (!step.ok()) {
            throw new IllegalStateException("the new root does not verify against the current one: " + step);
        }

        // Every file this ceremony will write must be new (root.json is the one planned replacement).
        long nv = next.signed().version();
        Path driveDirA = KeyBackup.directory(request.backupA(), repo);
        Path driveDirB = KeyBackup.directory(request.backupB(), repo);
        transcriptName = ExportLayout.transcriptName(now, CeremonyKind.ROTATION,
                List.of(target.ceremonyDir(), driveDirA.resolve("ceremony"), driveDirB.resolve("ceremony")));
        PlannedWrites plan = new PlannedWrites();
        String base = KeyBackup.baseName("root", newRootKey.keyId());
        for (String medium : List.of(Media.BACKUP_A, Media.BACKUP_B)) {
            Path dir = medium.equals(Media.BACKUP_A) ? driveDirA : driveDirB;
            for (String name : List.of(base + KeyFiles.KEY_SUFFIX, base + KeyFiles.SIDECAR_SUFFIX, "root.json", "RECOVERY.txt")) {
                plan.add(medium, dir.resolve(name));
            }
            plan.add(medium, dir.resolve("ceremony").resolve(transcriptName));
            plan.add(medium, dir.resolve("ceremony").resolve(transcriptName + ".sig"));
        }
        if (!inPlace) {
            for (long v = 1; v <= current.version(); v++) {
                plan.add(Media.EXPORT, target.rootVersion(v));
            }
        }
        plan.add(Media.EXPORT, target.rootVersion(nv));
        plan.addReplacing(Media.EXPORT, target.rootJson());
        newOnlineKeys.forEach((role, k) -> {
            String kb = KeyBackup.baseName(role.roleName(), k.keyId());
            plan.add(Media.EXPORT, target.onlineKeysDir().resolve(kb + KeyFiles.KEY_SUFFIX));
            plan.add(Media.EXPORT, target.onlineKeysDir().resolve(kb + KeyFiles.SIDECAR_SUFFIX));
        });
        plan.add(Media.EXPORT, target.ceremonyDir().resolve(transcriptName));
        plan.add(Media.EXPORT, target.ceremonyDir().resolve(transcriptName + ".sig"));
        plan.refuseExisting();

        transcript = Transcript.begin(CeremonyKind.ROTATION, repo, request.people(), airGap, env.clock());
        deviations.forEach(transcript::deviation);
        transcript.field("root-version", Long.toString(nv));
        transcript.field("previous-root-version", current.version() + (current.expired ? " (expired)" : ""));
        transcript.field("work-factor", Integer.toString(request.workFactor().logN()));
        drives.forEach(d -> transcript.field("medium", d.medium() + " " + d.mountPath() + " label " + d.label() + " serial "
                + d.serial() + (d.removable() ? "" : " (not removable)")));
        transcript.step("verify root chain 1.." + current.version() + " like a client (spec 5.3)", "ok");
        for (KeyBackup.OpenedKey k : unlocked) {
            transcript.step("unlock current root key from " + k.file(), "ok", List.of(k.key().keyId()), List.of());
        }
        transcript.step("checks before writing (air gap, drives, passphrase rule, nothing to overwrite)", "ok");
        transcript.step(request.keepRootKey() ? "keep root key" : "generate new root key", "ok", List.of(newRootKey.keyId()), List.of());
        newOnlineKeys.forEach((role, k) -> transcript.step("generate new " + role.roleName() + " key", "ok", List.of(k.keyId()), List.of()));
        transcript.step("sign " + nv + ".root.json (sha256 " + Transcript.sha256Hex(nextBytes) + ")", "ok",
                signers.stream().map(SigningKey::keyId).toList(), List.of());
        summary = RootView.summary(next, nextBytes);
        return summary;
    }

    /** Changes from the current root to the prepared one. */
    public RootDiff diff() {
        if (next == null) {
            throw new IllegalStateException("prepare first");
        }
        return RootView.diff(current.newest.signed(), next.signed());
    }

    /** Writes new backups, N+1.root.json, root.json and the transcript; verifies the chain again. */
    public CeremonyReport execute(Progress progress) {
        if (report != null) {
            return report;
        }
        if (summary == null) {
            throw new IllegalStateException("prepare first");
        }
        String repo = current.repository;
        long nv = next.signed().version();
        WorkFactor wf = KeyFiles.workFactor(request.workFactor());
        List<WrittenFile> written = new ArrayList<>();
        Passphrase pass = request.newPassphrase();

        progress.update("Encrypting the new root key backup (scrypt work factor " + wf + ")", 0.05);
        Map<String, byte[]> backup = KeyBackup.write(newRootKey, repo, nextBytes, pass, wf, now, env.random());
        byte[] keyFile = backup.entrySet().stream().filter(e -> e.getKey().endsWith(KeyFiles.KEY_SUFFIX)).findFirst().orElseThrow().getValue();
        progress.update("Checking the backup opens with the new passphrase", 0.35);
        KeyFiles.requireOpensTo(keyFile, pass, newRootKey, "new root key backup");
        transcript.step("encrypt new root key backup and check it opens", "ok", List.of(newRootKey.keyId()), List.of());
        for (String medium : List.of(Media.BACKUP_A, Media.BACKUP_B)) {
            Path drive = medium.equals(Media.BACKUP_A) ? request.backupA() : request.backupB();
            progress.update("Writing the root key backup to " + medium, medium.equals(Media.BACKUP_A) ? 0.6 : 0.65);
            List<WrittenFile> files = new ArrayList<>();
            backup.forEach((rel, bytes) -> files.add(PlannedWrites.write(env.writer(), medium, drive.resolve(rel), bytes)));
            transcript.step("write root key backup to " + medium, "ok, read back", List.of(newRootKey.keyId()), files);
            written.addAll(files);
        }

        if (!newOnlineKeys.isEmpty()) {
            OnlineKeyProtection protection = request.onlineKeyProtection().orElseThrow();
            for (Map.Entry<OnlineRole, SigningKey> e : newOnlineKeys.entrySet()) {
                progress.update("Encrypting the new " + e.getKey().roleName() + " key for export", 0.7);
                Map<String, byte[]> files = KeyFiles.exportOnlineKey(e.getValue(), e.getKey(), repo, protection, wf, now, env.random());
                if (protection instanceof OnlineKeyProtection.UnderPassphrase u) {
                    KeyFiles.requireOpensTo(files.get(KeyBackup.baseName(e.getKey().roleName(), e.getValue().keyId()) + KeyFiles.KEY_SUFFIX),
                            u.passphrase(), e.getValue(), e.getKey().roleName() + " key export");
                }
                List<WrittenFile> out = new ArrayList<>();
                files.forEach((name, bytes) -> out.add(PlannedWrites.write(env.writer(), Media.EXPORT, target.onlineKeysDir().resolve(name), bytes)));
                transcript.step("export new " + e.getKey().roleName() + " key", "ok, read back", List.of(e.getValue().keyId()), out);
                written.addAll(out);
            }
        }

        progress.update("Writing " + nv + ".root.json", 0.85);
        List<WrittenFile> meta = new ArrayList<>();
        boolean inPlace = target.repositoryDir().toAbsolutePath().normalize().equals(current.layout.repositoryDir());
        if (!inPlace) {
            for (long v = 1; v <= current.version(); v++) {
                byte[] bytes = dev.tufceremony.tuf.MetadataCodec.readBytes(current.layout.rootVersion(v), "metadata/" + v + ".root.json");
                meta.add(PlannedWrites.write(env.writer(), Media.EXPORT, target.rootVersion(v), bytes));
            }
        }
        meta.add(PlannedWrites.write(env.writer(), Media.EXPORT, target.rootVersion(nv), nextBytes));
        meta.add(Files.exists(target.rootJson())
                ? PlannedWrites.replace(env.writer(), Media.EXPORT, target.rootJson(), nextBytes)
                : PlannedWrites.write(env.writer(), Media.EXPORT, target.rootJson(), nextBytes));
        transcript.step("export " + nv + ".root.json and root.json", "ok, read back", List.of(), meta);
        written.addAll(meta);

        progress.update("Verifying the root chain as a client would", 0.9);
        Metadata<Root> verified = RootChain.load(target.metadataDir(), "metadata/", now).requireIntact();
        if (verified.signed().version() != nv) {
            throw new CeremonyError("The root chain in " + target.metadataDir() + " ends at version " + verified.signed().version()
                    + ", not " + nv + "; do not publish it and check the medium.");
        }
        transcript.step("verify root chain 1.." + nv + " like a client (spec 5.3)", "ok");

        List<String> notes = new ArrayList<>();
        notes.add(resignNote(newOnlineKeys.keySet(), nv));
        notes.add("store the new backup A and backup B in two different safe places; the old backups no longer open a current root key"
                + (request.keepRootKey() ? " — except that the kept key is the same, so they still do" : ""));

        progress.update("Writing the signed transcript", 0.95);
        byte[] text = transcript.toBytes();
        byte[] sig = Transcript.signatureFile(text, List.of(newRootKey));
        Path transcriptPath = target.ceremonyDir().resolve(transcriptName);
        written.add(PlannedWrites.write(env.writer(), Media.EXPORT, transcriptPath, text));
        written.add(PlannedWrites.write(env.writer(), Media.EXPORT, target.ceremonyDir().resolve(transcriptName + ".sig"), sig));
        for (String medium : List.of(Media.BACKUP_A, Media.BACKUP_B)) {
            Path dir = KeyBackup.directory(medium.equals(Media.BACKUP_A) ? request.backupA() : request.backupB(), repo).resolve("ceremony");
            written.add(PlannedWrites.write(env.writer(), medium, dir.resolve(transcriptName), text));
            written.add(PlannedWrites.write(env.writer(), medium, dir.resolve(transcriptName + ".sig"), sig));
        }
        progress.update("Done", 1);

        List<KeySummary> keys = new ArrayList<>();
        keys.add(KeySummary.of("root", newRootKey.publicKey()));
        newOnlineKeys.forEach((role, k) -> keys.add(KeySummary.of(role.roleName(), k.publicKey())));
        report = new CeremonyReport(CeremonyKind.ROTATION, repo, keys, written, drives, transcriptPath.toAbsolutePath().normalize(),
                notes, deviations);
        return report;
    }

    /** Which online metadata must be re-signed (spec §5.4–5.6: each role's file, and every file that describes it). */
    static String resignNote(Set<OnlineRole> rotated, long version) {
        if (rotated.isEmpty()) {
            return "no online key changed: publish " + version + ".root.json and root.json; the online side need not re-sign anything";
        }
        List<String> files = new ArrayList<>();
        if (rotated.contains(OnlineRole.TARGETS)) {
            files.add("targets");
        }
        if (rotated.contains(OnlineRole.TARGETS) || rotated.contains(OnlineRole.SNAPSHOT)) {
            files.add("snapshot");
        }
        files.add("timestamp");
        return String.join(", ", files) + " must be re-signed by the online side with the new "
                + String.join(", ", rotated.stream().map(OnlineRole::roleName).toList())
                + " key(s) (loaded from online-keys/) before or when publishing " + version + ".root.json";
    }

    @Override
    public void close() {
        for (KeyBackup.OpenedKey k : unlocked) {
            k.close();
        }
        if (newRootKey != null) {
            newRootKey.destroy();
        }
        newOnlineKeys.values().forEach(SigningKey::destroy);
        owned.forEach(Passphrase::destroy);
    }
}
