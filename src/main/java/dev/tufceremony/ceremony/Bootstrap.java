package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.backup.KeyBackup;
import dev.tufceremony.backup.WorkFactor;
import dev.tufceremony.backup.X25519Recipient;
import dev.tufceremony.keys.SigningKey;
import dev.tufceremony.tuf.Key;
import dev.tufceremony.tuf.MetaFile;
import dev.tufceremony.tuf.Metadata;
import dev.tufceremony.tuf.MetadataCodec;
import dev.tufceremony.tuf.RepositoryVerifier;
import dev.tufceremony.tuf.Root;
import dev.tufceremony.tuf.RootChain;
import dev.tufceremony.tuf.Snapshot;
import dev.tufceremony.tuf.Targets;
import dev.tufceremony.tuf.Timestamp;
import dev.tufceremony.tuf.VerificationReport;
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

/**
 * The bootstrap ceremony (DESIGN §1): root key, online keys, 1.root.json and the first
 * targets/snapshot/timestamp, backups on two drives, export, transcript.
 *
 * <p>{@link #prepare()} checks everything that can be checked before writing anything (passphrase
 * gate, distinct drives, backup drive ≠ export medium, nothing to overwrite, air gap when required),
 * generates the keys and signs 1.root.json in memory. {@link #execute(Progress)} writes and verifies.
 * Both block: run them off the UI thread.
 */
public final class Bootstrap implements AutoCloseable {
    private final BootstrapRequest request;
    private final CeremonyEnvironment env;

    private RootSummary summary;
    private CeremonyReport report;
    private Instant now;
    private Transcript transcript;
    private CeremonyMedia media;
    private ExportLayout export;
    private SigningKey rootKey;
    private final Map<OnlineRole, SigningKey> onlineKeys = new EnumMap<>(OnlineRole.class);
    private final Map<OnlineRole, Key> onlinePublicKeys = new EnumMap<>(OnlineRole.class);
    private final Map<String, byte[]> metadataFiles = new LinkedHashMap<>();
    private byte[] rootBytes;

    public Bootstrap(BootstrapRequest request, CeremonyEnvironment env) {
        this.request = Objects.requireNonNull(request);
        this.env = Objects.requireNonNull(env);
    }

    /** Validates, generates keys and builds the signed metadata for review; writes nothing. */
    public RootSummary prepare() {
        if (summary != null) {
            return summary;
        }
        now = env.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        String repo = request.repository();

        // 1. Everything that can refuse the ceremony, before any key exists or any byte is written.
        media = CeremonyMedia.check(request, request.export(), repo, env);
        List<String> inputs = Gate.userInputs(repo, request.people());
        Gate.require(request.rootPassphrase(), "root passphrase", inputs);
        OnlineKeys online = request.onlineKeys();
        if (online instanceof OnlineKeys.Generate g) {
            if (g.protection() instanceof OnlineKeyProtection.UnderPassphrase p) {
                Gate.require(p.passphrase(), "online keys passphrase", inputs);
                if (p.passphrase().sameAs(request.rootPassphrase())) {
                    throw new CeremonyError("The online keys passphrase is the root passphrase; the online keys go to the secret "
                            + "manager, so give them a different passphrase — nothing was written.");
                }
            } else if (g.protection() instanceof OnlineKeyProtection.ToRecipient r) {
                X25519Recipient.parse(r.ageRecipient());
            }
        }
        export = media.export();
        if (Files.exists(export.metadataDir())) {
            throw new CeremonyError("The export medium already holds metadata for " + repo + " in " + export.metadataDir()
                    + "; a bootstrap starts a new repository, so choose an empty medium or run a rotation — nothing was written.");
        }

        // 2. Keys and metadata, in memory (a repeated prepare after a refusal starts afresh).
        wipeKeys();
        rootKey = SigningKey.generate(request.keyType(), env.random());
        if (online instanceof OnlineKeys.Generate g) {
            for (OnlineRole role : OnlineRole.values()) {
                SigningKey k = SigningKey.generate(g.type(), env.random());
                onlineKeys.put(role, k);
                onlinePublicKeys.put(role, k.publicKey());
            }
        } else {
            onlinePublicKeys.putAll(((OnlineKeys.Import) online).publicKeys());
        }
        Root root = Root.initial(request.rootExpiry().from(now), true).withRoleKeys("root", List.of(rootKey.publicKey()), 1);
        for (OnlineRole role : OnlineRole.values()) {
            root = root.withRoleKeys(role.roleName(), List.of(onlinePublicKeys.get(role)), 1);
        }
        Metadata<Root> rootMd = Metadata.sign(root, List.of(rootKey));
        rootBytes = MetadataCodec.write(rootMd);
        metadataFiles.put("1.root.json", rootBytes);
        metadataFiles.put("root.json", rootBytes);
        if (!onlineKeys.isEmpty()) {
            // consistent_snapshot: clients fetch N.targets.json and N.snapshot.json, and timestamp.json (spec §5.5, §5.6).
            byte[] targets = MetadataCodec.write(Metadata.sign(Targets.initial(request.expiry(OnlineRole.TARGETS).from(now)),
                    List.of(onlineKeys.get(OnlineRole.TARGETS))));
            byte[] snapshot = MetadataCodec.write(Metadata.sign(Snapshot.initial(request.expiry(OnlineRole.SNAPSHOT).from(now), MetaFile.of(1)),
                    List.of(onlineKeys.get(OnlineRole.SNAPSHOT))));
            byte[] timestamp = MetadataCodec.write(Metadata.sign(
                    Timestamp.initial(request.expiry(OnlineRole.TIMESTAMP).from(now), MetaFile.describing(1, snapshot)),
                    List.of(onlineKeys.get(OnlineRole.TIMESTAMP))));
            metadataFiles.put("1.targets.json", targets);
            metadataFiles.put("1.snapshot.json", snapshot);
            metadataFiles.put("timestamp.json", timestamp);
        }
        RootChain.verifyBytes(Map.of(1L, rootBytes), now).requireIntact();

        // 3. Every file this ceremony will write must be new.
        PlannedWrites plan = new PlannedWrites();
        media.planBackups(plan, now, CeremonyKind.BOOTSTRAP, rootKey);
        metadataFiles.keySet().forEach(n -> plan.add(Media.EXPORT, export.metadata(n)));
        media.planOnlineKeys(plan, onlineKeys);
        media.planExportTranscript(plan);
        plan.refuseExisting();

        transcript = media.beginTranscript(CeremonyKind.BOOTSTRAP, request, t -> t.field("root-version", "1"));
        transcript.step("checks before writing (air gap, drives, passphrase rule, nothing to overwrite)", "ok");
        transcript.step("generate root key", "ok", List.of(rootKey.keyId()), List.of());
        for (OnlineRole role : OnlineRole.values()) {
            transcript.step((onlineKeys.isEmpty() ? "import " : "generate ") + role.roleName() + " key", "ok",
                    List.of(onlinePublicKeys.get(role).keyId()), List.of());
        }
        transcript.step("sign 1.root.json (sha256 " + Transcript.sha256Hex(rootBytes) + ")", "ok", List.of(rootKey.keyId()), List.of());
        summary = RootView.summary(rootMd, rootBytes);
        return summary;
    }

    /** Writes backups, export and transcript, then verifies the export like a client. */
    public CeremonyReport execute(Progress progress) {
        if (report != null) {
            return report;
        }
        prepare();
        String repo = request.repository();
        WorkFactor wf = KeyFiles.workFactor(request.workFactor());
        List<WrittenFile> written = new ArrayList<>();
        boolean onlineUnderPassphrase = request.onlineKeys() instanceof OnlineKeys.Generate gen
                && gen.protection() instanceof OnlineKeyProtection.UnderPassphrase;
        int kdfs = 2 + (onlineUnderPassphrase ? 2 * onlineKeys.size() : 0);
        double[] done = {0};
        Runnable kdfDone = () -> done[0] += 0.9 / kdfs;

        progress.update("Encrypting the root key backup (scrypt work factor " + wf + ")", done[0]);
        Map<String, byte[]> backup = KeyBackup.write(rootKey, repo, rootBytes, request.rootPassphrase(), wf, now, env.random());
        kdfDone.run();
        byte[] keyFile = backup.entrySet().stream().filter(e -> e.getKey().endsWith(KeyFiles.KEY_SUFFIX))
                .findFirst().orElseThrow().getValue();
        progress.update("Checking the backup opens with the passphrase", done[0]);
        KeyFiles.requireOpensTo(keyFile, request.rootPassphrase(), rootKey, "root key backup");
        kdfDone.run();
        transcript.step("encrypt root key backup and check it opens", "ok", List.of(rootKey.keyId()), List.of());
        written.addAll(media.writeRootBackup(backup, rootKey, transcript, progress, done[0], done[0]));

        if (request.onlineKeys() instanceof OnlineKeys.Generate g) {
            for (Map.Entry<OnlineRole, SigningKey> e : onlineKeys.entrySet()) {
                progress.update("Encrypting the " + e.getKey().roleName() + " key for export", done[0]);
                List<WrittenFile> out = media.exportOnlineKey(e.getValue(), e.getKey(), g.protection(), wf, now, env.random());
                if (onlineUnderPassphrase) {
                    kdfDone.run(); // encrypted, then opened again
                    kdfDone.run();
                }
                transcript.step("export " + e.getKey().roleName() + " key (" + describe(g.protection()) + ")", "ok, read back",
                        List.of(e.getValue().keyId()), out);
                written.addAll(out);
            }
        }

        progress.update("Writing the metadata to the export medium", done[0]);
        List<WrittenFile> meta = new ArrayList<>();
        metadataFiles.forEach((name, bytes) -> meta.add(PlannedWrites.write(env.writer(), Media.EXPORT, export.metadata(name), bytes)));
        transcript.step("export metadata", "ok, read back", List.of(), meta);
        written.addAll(meta);

        progress.update("Verifying the export as a TUF client would", 0.92);
        verifyExport();
        transcript.step("verify export like a client (spec 5.3-5.6)", "ok");
        List<String> notes = new ArrayList<>();
        if (onlineKeys.isEmpty()) {
            notes.add("the online side must sign 1.targets.json, 1.snapshot.json and timestamp.json with the imported keys before publishing");
        } else {
            notes.add("load the online keys from " + export.onlineKeysDir() + " into the secret manager, then publish " + export.metadataDir());
        }
        notes.add("store backup A and backup B in two different safe places");

        progress.update("Writing the signed transcript", 0.96);
        Path transcriptPath = media.writeTranscript(transcript, rootKey, written);
        progress.update("Done", 1);

        List<KeySummary> keys = new ArrayList<>();
        keys.add(KeySummary.of("root", rootKey.publicKey()));
        onlinePublicKeys.forEach((role, k) -> keys.add(KeySummary.of(role.roleName(), k)));
        report = new CeremonyReport(CeremonyKind.BOOTSTRAP, repo, keys, written, media.drives(), transcriptPath, notes,
                media.deviations());
        return report;
    }

    private void verifyExport() {
        if (onlineKeys.isEmpty()) {
            RootChain chain = RootChain.load(export.metadataDir(), "metadata/", now);
            chain.requireIntact();
            return;
        }
        VerificationReport r = new RepositoryVerifier(env.clock()).verify(export.repositoryDir());
        if (!r.ok()) {
            String first = r.failures().isEmpty() ? "no file verified" : r.failures().get(0).line();
            throw new CeremonyError("The exported repository " + export.repositoryDir() + " does not verify as a client would ("
                    + first + "); do not publish it, and run the bootstrap again on empty media.");
        }
    }

    private static String describe(OnlineKeyProtection p) {
        return p instanceof OnlineKeyProtection.ToRecipient r ? "to age recipient " + r.ageRecipient() : "under the online keys passphrase";
    }

    /** Wipes keys and passphrases, whatever happened. */
    @Override
    public void close() {
        wipeKeys();
        request.rootPassphrase().destroy();
        if (request.onlineKeys() instanceof OnlineKeys.Generate g
                && g.protection() instanceof OnlineKeyProtection.UnderPassphrase p) {
            p.passphrase().destroy();
        }
    }

    private void wipeKeys() {
        if (rootKey != null) {
            rootKey.destroy();
            rootKey = null;
        }
        onlineKeys.values().forEach(SigningKey::destroy);
        onlineKeys.clear();
        onlinePublicKeys.clear();
        metadataFiles.clear();
    }
}
