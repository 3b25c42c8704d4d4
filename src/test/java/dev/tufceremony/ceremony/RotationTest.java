package dev.tufceremony.ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.backup.KeyBackup;
import dev.tufceremony.keys.KeyType;
import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.tuf.Metadata;
import dev.tufceremony.tuf.MetadataCodec;
import dev.tufceremony.tuf.Root;
import dev.tufceremony.tuf.RootChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotationTest {
    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    Path tmp;
    Path repo;
    Passphrase rootPass;

    /** A bootstrap whose root expires after two days, so that a later clock sees it expired. */
    @BeforeEach
    void bootstrap() throws Exception {
        rootPass = CeremonyFixture.freshPassphrase();
        Passphrase copy = Passphrase.copyOf(rootPass.chars());
        try (Bootstrap b = new Bootstrap(BootstrapRequest.builder().repository("repo").people(People.of("Ada"))
                .expiries(Expiries.defaults().withRoot(Duration.ofDays(2)))
                .onlineKeys(new OnlineKeys.Generate(KeyType.ED25519, new OnlineKeyProtection.UnderPassphrase(CeremonyFixture.freshPassphrase())))
                .rootPassphrase(copy).workFactorForTestsOnly(CeremonyFixture.TEST_WORK_FACTOR)
                .backupA(CeremonyFixture.folder(tmp, "a1")).backupB(CeremonyFixture.folder(tmp, "b1"))
                .export(CeremonyFixture.folder(tmp, "out")).allowNonRemovable(true).build(), env(T0))) {
            b.execute(Progress.NONE);
        }
        repo = tmp.resolve("out/repo");
    }

    static CeremonyEnvironment env(Instant at) {
        return CeremonyFixture.environment(Clock.fixed(at, ZoneOffset.UTC));
    }

    private RotationRequest.Builder request() throws Exception {
        return RotationRequest.builder().people(People.of("Ada")).newPassphrase(CeremonyFixture.freshPassphrase())
                .workFactorForTestsOnly(CeremonyFixture.TEST_WORK_FACTOR)
                .backupA(CeremonyFixture.folder(tmp, "a2")).backupB(CeremonyFixture.folder(tmp, "b2")).allowNonRemovable(true);
    }

    @Test
    void rotatesAwayFromAnExpiredRootWithOldAndNewSignatures() throws Exception {
        Instant later = T0.plus(Duration.ofDays(10));
        try (Rotation r = Rotation.open(repo, env(later))) {
            assertThat(r.repository()).isEqualTo("repo");
            assertThat(r.currentRootExpired()).isTrue();
            RootSummary current = r.currentRoot();
            String oldKey = current.role("root").keys().get(0).keyid();
            assertThatThrownBy(() -> r.prepare(request().build())).isInstanceOf(CeremonyError.class).hasMessageContaining("unlock");
        }
        try (Rotation r = Rotation.open(repo, env(later))) {
            String oldKey = r.currentRoot().role("root").keys().get(0).keyid();
            KeySummary unlocked = r.unlock(tmp.resolve("a1"), Passphrase.copyOf(rootPass.chars()));
            assertThat(unlocked.keyid()).isEqualTo(oldKey);
            RootSummary next = r.prepare(request().build());
            assertThat(next.version()).isEqualTo(2);
            assertThat(next.expires()).isEqualTo(later.plus(Duration.ofDays(365)));
            String newKey = next.role("root").keys().get(0).keyid();
            assertThat(newKey).isNotEqualTo(oldKey);
            assertThat(r.diff().changes()).contains("version 1 → 2", "root key " + KeySummary.fingerprint(oldKey) + " removed",
                    "root key " + KeySummary.fingerprint(newKey) + " added").anySatisfy(c -> assertThat(c).startsWith("expires "));
            assertThat(Files.exists(repo.resolve("metadata/2.root.json"))).as("prepare writes nothing").isFalse();
            CeremonyReport report = r.execute(Progress.NONE);
            assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("no online key changed"));
        }
        Metadata<Root> v2 = MetadataCodec.readFile(repo.resolve("metadata/2.root.json"), Root.class, "2.root.json");
        assertThat(v2.signatures()).hasSize(2);
        assertThat(RootChain.load(repo.resolve("metadata"), later).verified()).isTrue();
        assertThat(KeyBackup.find(tmp.resolve("b2"), "repo")).hasSize(1);
    }

    @Test
    void keepingTheRootKeyOnlyExtendsExpiryAndRewritesTheSameKey() throws Exception {
        try (Rotation r = Rotation.open(repo, env(T0.plus(Duration.ofDays(1))))) {
            String key = r.unlock(tmp.resolve("b1"), Passphrase.copyOf(rootPass.chars())).keyid();
            RootSummary next = r.prepare(request().keepRootKey(true).rootExpiry(Duration.ofDays(30)).build());
            assertThat(next.role("root").keys().get(0).keyid()).isEqualTo(key);
            assertThat(r.diff().changes()).noneSatisfy(c -> assertThat(c).contains("removed"));
            r.execute(Progress.NONE);
            assertThat(KeyBackup.find(tmp.resolve("a2"), "repo").get(0).getFileName().toString())
                    .isEqualTo(KeyBackup.baseName("root", key) + ".key.age");
        }
        assertThat(MetadataCodec.readFile(repo.resolve("metadata/2.root.json"), Root.class, "2").signatures()).hasSize(1);
        // The old backups still hold a current root key.
        try (BackupCheck c = BackupCheck.open(repo, env(T0.plus(Duration.ofDays(1))))) {
            assertThat(c.check(tmp.resolve("a1"), Passphrase.copyOf(rootPass.chars()), Progress.NONE).ok()).isTrue();
        }
    }

    @Test
    void rotatedOnlineKeysAreExportedAndTheNoteSaysWhatToResign() throws Exception {
        try (Rotation r = Rotation.open(repo, env(T0))) {
            r.unlock(tmp.resolve("a1"), Passphrase.copyOf(rootPass.chars()));
            r.prepare(request().rotateOnlineKeys(EnumSet.of(OnlineRole.SNAPSHOT),
                    new OnlineKeyProtection.UnderPassphrase(CeremonyFixture.freshPassphrase())).build());
            assertThat(r.diff().changes()).anySatisfy(c -> assertThat(c).startsWith("snapshot key").endsWith("added"));
            CeremonyReport report = r.execute(Progress.NONE);
            assertThat(report.notes()).anySatisfy(n -> assertThat(n).startsWith("snapshot, timestamp must be re-signed"));
            String snapshotKey = report.keys().stream().filter(k -> k.role().equals("snapshot")).findFirst().orElseThrow().keyid();
            assertThat(repo.resolve("online-keys/" + KeyBackup.baseName("snapshot", snapshotKey) + ".key.age")).exists();
        }
    }

    @Test
    void exportToAnotherMediumCopiesTheChainAndLeavesTheRepositoryAlone() throws Exception {
        Map<String, Long> before = sizes(repo);
        Passphrase newPass;
        Passphrase unlockPass = Passphrase.copyOf(rootPass.chars());
        try (Rotation r = Rotation.open(repo, env(T0))) {
            r.unlock(tmp.resolve("a1"), unlockPass);
            RotationRequest req = request().export(CeremonyFixture.folder(tmp, "transfer")).build();
            newPass = req.newPassphrase();
            r.prepare(req);
            r.execute(Progress.NONE);
            assertThat(newPass.isDestroyed()).as("wiped only at close").isFalse();
        }
        assertThat(newPass.isDestroyed()).isTrue();
        assertThat(unlockPass.isDestroyed()).isTrue();
        assertThat(sizes(repo)).isEqualTo(before);
        Path meta = tmp.resolve("transfer/repo/metadata");
        assertThat(RootChain.load(meta, T0).verified()).isTrue();
        assertThat(RootChain.load(meta, T0).newest().orElseThrow().signed().version()).isEqualTo(2);
        assertThat(Files.readAllBytes(meta.resolve("root.json"))).isEqualTo(Files.readAllBytes(meta.resolve("2.root.json")));
    }

    private static Map<String, Long> sizes(Path dir) throws Exception {
        Map<String, Long> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.size(p) ^ Arrays.hashCode(Files.readAllBytes(p)));
            }
        }
        return m;
    }

    @Test
    void resignNoteFollowsTheMetadataThatDescribesEachRole() {
        assertThat(Rotation.resignNote(EnumSet.of(OnlineRole.TARGETS), 3)).startsWith("targets, snapshot, timestamp must be re-signed");
        assertThat(Rotation.resignNote(EnumSet.of(OnlineRole.TIMESTAMP), 3)).startsWith("timestamp must be re-signed");
        assertThat(Rotation.resignNote(EnumSet.noneOf(OnlineRole.class), 3)).contains("need not re-sign");
    }

    @Test
    void backupCheckReportsEachDriveAndWhetherCopiesAgree() throws Exception {
        Path bad = CeremonyFixture.folder(tmp, "empty-drive");
        try (BackupCheck c = BackupCheck.open(repo, env(T0))) {
            assertThat(c.check(tmp.resolve("a1"), Passphrase.copyOf(rootPass.chars()), Progress.NONE).ok()).isTrue();
            assertThat(c.copiesAgree()).isEmpty();
            assertThat(c.check(tmp.resolve("b1"), Passphrase.copyOf(rootPass.chars()), Progress.NONE).ok()).isTrue();
            assertThat(c.copiesAgree()).contains(true);
            DriveCheckResult wrong = c.check(tmp.resolve("a1"), CeremonyFixture.freshPassphrase(), Progress.NONE);
            assertThat(wrong.ok()).isFalse();
            assertThat(wrong.message()).startsWith("wrong passphrase");
            DriveCheckResult missing = c.check(bad, Passphrase.copyOf(rootPass.chars()), Progress.NONE);
            assertThat(missing.message()).contains("holds no root key backup of repo");
            DriveCheckResult absent = c.check(tmp.resolve("unplugged"), Passphrase.copyOf(rootPass.chars()), Progress.NONE);
            assertThat(absent.message()).contains("does not exist");
            Path medium = CeremonyFixture.folder(tmp, "transfer");
            CeremonyReport report = c.finish(Optional.of(medium));
            assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("at least one backup failed"));
            TranscriptVerification v = Transcript.verify(report.transcript(), Path.of(report.transcript() + ".sig"),
                    repo.resolve("metadata/root.json"));
            assertThat(v.ok()).as(v.problems().toString()).isTrue();
            assertThat(Files.readString(report.transcript())).contains("check backup on " + tmp.resolve("a1") + " | ok",
                    "FAILED: wrong passphrase", "compare copies | ok, the same key");
        }
        assertThat(BootstrapTest.tree(tmp.resolve("a1"))).noneSatisfy(p -> assertThat(p).contains("backup-check"));
    }

    @Test
    void backupCheckNeverWritesItsTranscriptToABackupDrive() throws Exception {
        try (BackupCheck c = BackupCheck.open(repo, env(T0))) {
            c.check(tmp.resolve("a1"), Passphrase.copyOf(rootPass.chars()), Progress.NONE);
            assertThatThrownBy(() -> c.finish(Optional.of(tmp.resolve("a1")))).isInstanceOf(CeremonyError.class)
                    .hasMessageContaining("writes nothing on backup drives");
        }
    }

}
