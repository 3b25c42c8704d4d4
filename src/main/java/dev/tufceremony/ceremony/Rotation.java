package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.backup.KeyBackup;
import dev.tufceremony.backup.WorkFactor;
import dev.tufceremony.backup.X25519Recipient;
import dev.tufceremony.keys.SigningKey;
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
    private CeremonyMedia media;
    private Path unlockDrive;
    private Transcript transcript;
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

        Path exportMedium = request.export().orElse(current.layout.repositoryDir().getParent());
        media = CeremonyMedia.check(request, exportMedium, repo, env);
        target = media.export();
        boolean inPlace = target.repositoryDir().toAbsolutePath().normalize().equals(current.layout.repositoryDir());
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

        // Keys and N+1, in memory (a prepare repeated after a refusal starts afresh).
        discardPrepared();
        List<SigningKey> oldKeys = unlocked.stream().map(KeyBackup.OpenedKey::key).toList();
        if (request.keepRootKey()) {
            if (oldKeys.size() != 1 || old.role("root").keyids().size() != 1) {
                throw new CeremonyError("Keeping the root key is supported for a root with one root key; rotate to new keys instead.");
            }
            newRootKey = oldKeys.get(0);
        } else {
            newRootKey = SigningKey.generate(request.keyType(), env.random());
        }
        Root n = old.next().withExpires(request.rootExpiry().from(now));
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
        PlannedWrites plan = new PlannedWrites();
        media.planBackups(plan, now, CeremonyKind.ROTATION, newRootKey);
        if (!inPlace) {
            for (long v = 1; v <= current.version(); v++) {
                plan.add(Media.EXPORT, target.rootVersion(v));
            }
        }
        plan.add(Media.EXPORT, target.rootVersion(nv));
        plan.addReplacing(Media.EXPORT, target.rootJson());
        media.planOnlineKeys(plan, newOnlineKeys);
        media.planExportTranscript(plan);
        plan.refuseExisting();

        transcript = media.beginTranscript(CeremonyKind.ROTATION, request, t -> {
            t.field("root-version", Long.toString(nv));
            t.field("previous-root-version", current.version() + (current.expired ? " (expired)" : ""));
        });
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
        written.addAll(media.writeRootBackup(backup, newRootKey, transcript, progress, 0.6, 0.65));

        if (!newOnlineKeys.isEmpty()) {
            OnlineKeyProtection protection = request.onlineKeyProtection().orElseThrow();
            for (Map.Entry<OnlineRole, SigningKey> e : newOnlineKeys.entrySet()) {
                progress.update("Encrypting the new " + e.getKey().roleName() + " key for export", 0.7);
                List<WrittenFile> out = media.exportOnlineKey(e.getValue(), e.getKey(), protection, wf, now, env.random());
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
        Path transcriptPath = media.writeTranscript(transcript, newRootKey, written);
        progress.update("Done", 1);

        List<KeySummary> keys = new ArrayList<>();
        keys.add(KeySummary.of("root", newRootKey.publicKey()));
        newOnlineKeys.forEach((role, k) -> keys.add(KeySummary.of(role.roleName(), k.publicKey())));
        report = new CeremonyReport(CeremonyKind.ROTATION, repo, keys, written, media.drives(), transcriptPath, notes,
                media.deviations());
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

    /** Drops keys made by an earlier prepare (never an unlocked key that was to be kept). */
    private void discardPrepared() {
        if (newRootKey != null && unlocked.stream().noneMatch(u -> u.key() == newRootKey)) {
            newRootKey.destroy();
        }
        newRootKey = null;
        newOnlineKeys.values().forEach(SigningKey::destroy);
        newOnlineKeys.clear();
        next = null;
        nextBytes = null;
    }

    @Override
    public void close() {
        discardPrepared();
        for (KeyBackup.OpenedKey k : unlocked) {
            k.close();
        }
        owned.forEach(Passphrase::destroy);
    }
}
