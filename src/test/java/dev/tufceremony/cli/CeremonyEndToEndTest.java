package dev.tufceremony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tufceremony.backup.AgeFile;
import dev.tufceremony.backup.KeyBackup;
import dev.tufceremony.ceremony.CeremonyFixture;
import dev.tufceremony.interop.TufJsClient;
import dev.tufceremony.keys.PublicKeys;
import dev.tufceremony.keys.SigningKey;
import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.secret.SecretBytes;
import dev.tufceremony.testing.ExternalTool;
import dev.tufceremony.tuf.Key;
import dev.tufceremony.tuf.Metadata;
import dev.tufceremony.tuf.MetadataCodec;
import dev.tufceremony.tuf.Root;
import dev.tufceremony.tuf.Timestamp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three ceremonies through the CLI entry point, as an operator would script them: bootstrap →
 * verify → rotate → rotate (new timestamp key) → verify-backups → a tampered copy is named. An
 * independent client (tuf-js 5.0.1, trusting only 1.root.json) refreshes after each ceremony, and
 * stock age opens every backup to the key that its root.json names.
 */
class CeremonyEndToEndTest {
    static final String REPO = "agent-updates";
    static final String WF = String.valueOf(CeremonyFixture.TEST_WORK_FACTOR);

    @TempDir
    Path tmp;

    @BeforeEach
    void environment() {
        // The real clock: tuf-js checks expiry against it.
        CeremonyCliHarness.useEnvironment(Clock.systemUTC());
    }

    @AfterEach
    void resetEnvironment() {
        CeremonyCliHarness.reset();
    }

    @Test
    void bootstrapRotateRotateAndCheckBackups() throws Exception {
        Path secrets = Files.createDirectories(tmp.resolve("secrets"));
        Map<String, Passphrase> pass = new LinkedHashMap<>();
        for (String name : List.of("root1", "online1", "root2", "root3", "online3")) {
            pass.put(name, CeremonyFixture.passphraseFile(secrets.resolve(name)));
        }
        Path out = dir("out");
        Path repo = out.resolve(REPO);

        // Bootstrap.
        CeremonyCliHarness.Run boot = CeremonyCliHarness.run("bootstrap", "--repository", REPO, "--out", out,
                "--backup", dir("a1"), "--backup", dir("b1"), "--passphrase-file", secrets.resolve("root1"),
                "--online-passphrase-file", secrets.resolve("online1"), "--operator", "Ada Operator", "--witness", "Bo Witness",
                "--work-factor-for-tests", WF, "--allow-non-removable");
        assertThat(boot.exitCode()).as(boot.all()).isZero();
        assertThat(boot.out()).contains("bootstrap of " + REPO + " finished", "DEVIATION: ", "not a removable drive");

        CeremonyCliHarness.Run verify = CeremonyCliHarness.run("verify", repo);
        assertThat(verify.exitCode()).as(verify.all()).isZero();
        assertTufJsRefreshes(repo, 1);
        assertTranscriptVerifies(repo, "bootstrap");

        // Rotation 1 → 2: unlock from backup A of the bootstrap, new root key on two new drives.
        CeremonyCliHarness.Run rot1 = CeremonyCliHarness.run("rotate", "--repo", repo, "--unlock", tmp.resolve("a1"),
                "--passphrase-file", secrets.resolve("root1"), "--backup", dir("a2"), "--backup", dir("b2"),
                "--new-passphrase-file", secrets.resolve("root2"), "--work-factor-for-tests", WF, "--allow-non-removable");
        assertThat(rot1.exitCode()).as(rot1.all()).isZero();
        assertThat(rot1.out()).contains("root version 2", "change: version 1 → 2", "root key", "removed", "added",
                "NEXT: no online key changed");
        assertThat(repo.resolve("metadata/2.root.json")).exists();
        assertThat(Files.readAllBytes(repo.resolve("metadata/root.json"))).isEqualTo(Files.readAllBytes(repo.resolve("metadata/2.root.json")));
        assertTufJsRefreshes(repo, 2);
        assertTranscriptVerifies(repo, "rotation");

        // Rotation 2 → 3 from backup B of the first rotation, replacing the timestamp key as well.
        CeremonyCliHarness.Run rot2 = CeremonyCliHarness.run("rotate", "--repo", repo, "--unlock", tmp.resolve("b2"),
                "--passphrase-file", secrets.resolve("root2"), "--backup", dir("a3"), "--backup", dir("b3"),
                "--new-passphrase-file", secrets.resolve("root3"), "--rotate-online-keys", "timestamp",
                "--online-passphrase-file", secrets.resolve("online3"), "--work-factor-for-tests", WF, "--allow-non-removable");
        assertThat(rot2.exitCode()).as(rot2.all()).isZero();
        assertThat(rot2.out()).contains("root version 3", "timestamp key", "NEXT: timestamp must be re-signed");
        // What the online side does next: re-sign timestamp.json with the exported new timestamp key.
        resignTimestamp(repo, pass.get("online3"));
        assertThat(CeremonyCliHarness.run("verify", repo).exitCode()).isZero();
        assertTufJsRefreshes(repo, 3);
        assertThat(Files.list(repo.resolve("ceremony")).filter(p -> p.toString().endsWith("-rotation-2.transcript.txt")).count())
                .as("a second rotation on the same day gets its own transcript").isEqualTo(1);

        // The transcript copy on a backup drive checks against the root.json beside it.
        Path driveCopy;
        try (Stream<Path> s = Files.list(KeyBackup.directory(tmp.resolve("a3"), REPO).resolve("ceremony"))) {
            driveCopy = s.filter(p -> p.toString().endsWith(".transcript.txt")).findFirst().orElseThrow();
        }
        CeremonyCliHarness.Run copy = CeremonyCliHarness.run("verify-transcript", driveCopy);
        assertThat(copy.exitCode()).as(copy.all()).isZero();
        CeremonyCliHarness.Run againstOldRoot = CeremonyCliHarness.run("verify-transcript", driveCopy, "--root",
                repo.resolve("metadata/2.root.json"));
        assertThat(againstOldRoot.exitCode()).isNotZero();
        assertThat(againstOldRoot.err()).contains("not signed by any root key");

        // Backup check of the newest backups.
        CeremonyCliHarness.Run check = CeremonyCliHarness.run("verify-backups", "--repo", repo, "--backup", tmp.resolve("a3"),
                "--backup", tmp.resolve("b3"), "--passphrase-file", secrets.resolve("root3"));
        assertThat(check.exitCode()).as(check.all()).isZero();
        assertThat(check.out()).contains("ok " + tmp.resolve("a3"), "ok " + tmp.resolve("b3"), "all copies hold the same root key");

        // The old backups no longer hold a current root key.
        CeremonyCliHarness.Run old = CeremonyCliHarness.run("verify-backups", "--repo", repo, "--backup", tmp.resolve("a1"),
                "--passphrase-file", secrets.resolve("root1"));
        assertThat(old.exitCode()).isNotZero();
        assertThat(old.err()).contains("FAILED " + tmp.resolve("a1"), "no root key of root version 3");

        // Tamper one copy: the check fails and names that drive.
        Path keyFile = KeyBackup.find(tmp.resolve("b3"), REPO).get(0);
        byte[] bytes = Files.readAllBytes(keyFile);
        bytes[bytes.length - 20] ^= 0x01;
        Files.write(keyFile, bytes);
        CeremonyCliHarness.Run tampered = CeremonyCliHarness.run("verify-backups", "--repo", repo, "--backup", tmp.resolve("a3"),
                "--backup", tmp.resolve("b3"), "--passphrase-file", secrets.resolve("root3"));
        assertThat(tampered.exitCode()).isNotZero();
        assertThat(tampered.out()).contains("ok " + tmp.resolve("a3"));
        assertThat(tampered.err()).contains("FAILED " + tmp.resolve("b3"), "damaged").doesNotContain("FAILED " + tmp.resolve("a3"))
                .doesNotContain("\tat ");

        // Stock age opens every backup (bar the tampered one) to the key its root.json names.
        StockAge.require();
        Path work = Files.createDirectories(tmp.resolve("stock-age"));
        Map<String, String> drivePass = Map.of("a1", "root1", "b1", "root1", "a2", "root2", "b2", "root2", "a3", "root3");
        for (Map.Entry<String, String> e : drivePass.entrySet()) {
            Path dir = KeyBackup.directory(tmp.resolve(e.getKey()), REPO);
            Path backup = KeyBackup.find(tmp.resolve(e.getKey()), REPO).get(0);
            Path pem = work.resolve(e.getKey() + ".pem");
            ExternalTool.Result age = StockAge.decrypt(work, backup, pem, new String(pass.get(e.getValue()).chars()));
            assertThat(age.exitCode()).as(e.getKey() + ": " + age.output()).isZero();
            ExternalTool.Result pub = ExternalTool.run(work, 30, List.of("openssl", "pkey", "-in", pem.toString(), "-pubout"));
            assertThat(pub.exitCode()).as(pub.output()).isZero();
            Root namedRoot = MetadataCodec.readFile(dir.resolve("root.json"), Root.class, "root.json").signed();
            List<Key> rootKeys = namedRoot.keysOf("root");
            assertThat(rootKeys).as("drive %s", e.getKey()).contains(PublicKeys.fromSpkiPem(pub.output()));
        }
        pass.values().forEach(Passphrase::destroy);
    }

    private Path dir(String name) throws Exception {
        return CeremonyFixture.folder(tmp, name);
    }

    private void assertTufJsRefreshes(Path repo, int rootVersion) throws Exception {
        Path client = tmp.resolve("tufjs-" + rootVersion);
        TufJsClient.Result r = TufJsClient.run(repo, repo.resolve("metadata/1.root.json"), client);
        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.version("root")).isEqualTo(rootVersion);
        assertThat(r.version("timestamp")).isPositive();
    }

    private void assertTranscriptVerifies(Path repo, String kind) throws Exception {
        Path transcript;
        try (Stream<Path> s = Files.list(repo.resolve("ceremony"))) {
            transcript = s.filter(p -> p.toString().endsWith("-" + kind + ".transcript.txt")).findFirst().orElseThrow();
        }
        CeremonyCliHarness.Run v = CeremonyCliHarness.run("verify-transcript", transcript);
        assertThat(v.exitCode()).as(v.all()).isZero();
        assertThat(v.out()).contains("hash chain intact", "signed by root key");
    }

    /** The online side's job after a timestamp key change: timestamp.json v+1 signed by the new key. */
    private static void resignTimestamp(Path repo, Passphrase onlinePassphrase) throws Exception {
        Root root = MetadataCodec.readFile(repo.resolve("metadata/root.json"), Root.class, "root.json").signed();
        String keyid = root.role("timestamp").keyids().get(0);
        Path keyFile = repo.resolve("online-keys/" + KeyBackup.baseName("timestamp", keyid) + ".key.age");
        Path ts = repo.resolve("metadata/timestamp.json");
        Metadata<Timestamp> old = MetadataCodec.readFile(ts, Timestamp.class, "timestamp.json");
        try (SecretBytes pem = AgeFile.parse(Files.readAllBytes(keyFile)).decrypt(onlinePassphrase);
                SigningKey key = SigningKey.fromPkcs8Pem(pem.reveal())) {
            Timestamp next = old.signed().withVersion(old.signed().version() + 1).withExpires(Instant.now().plus(Duration.ofDays(1)));
            Files.write(ts, MetadataCodec.write(Metadata.sign(next, List.of(key))));
        }
        assertThat(new String(Files.readAllBytes(ts), StandardCharsets.UTF_8)).contains("\"version\": 2");
    }
}
