package dev.tufceremony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tufceremony.ceremony.CeremonyFixture;
import dev.tufceremony.secret.Passphrase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each refusal is one clear sentence naming the file or drive, and leaves every medium byte-identical. */
class CeremonyRefusalsTest {
    static final String REPO = "agent-updates";
    static final String WF = String.valueOf(CeremonyFixture.TEST_WORK_FACTOR);

    @TempDir
    Path tmp;
    Path secrets;
    Path out;
    Path repo;

    @BeforeEach
    void bootstrap() throws Exception {
        CeremonyCliHarness.useEnvironment(Clock.systemUTC());
        secrets = Files.createDirectories(tmp.resolve("secrets"));
        for (String name : List.of("root1", "online1", "root2", "root3")) {
            CeremonyFixture.passphraseFile(secrets.resolve(name)).destroy();
        }
        out = dir("out");
        repo = out.resolve(REPO);
        CeremonyCliHarness.Run boot = CeremonyCliHarness.run("bootstrap", "--repository", REPO, "--out", out,
                "--backup", dir("a1"), "--backup", dir("b1"), "--passphrase-file", secrets.resolve("root1"),
                "--online-passphrase-file", secrets.resolve("online1"), "--work-factor-for-tests", WF, "--allow-non-removable");
        assertThat(boot.exitCode()).as(boot.all()).isZero();
        dir("a2");
        dir("b2");
    }

    @AfterEach
    void reset() {
        CeremonyCliHarness.reset();
    }

    private CeremonyCliHarness.Run rotate(Path unlock, String oldPass, Path a, Path b, Object... more) {
        Object[] base = {"rotate", "--repo", repo, "--unlock", unlock, "--passphrase-file", secrets.resolve(oldPass), "--backup", a,
                "--backup", b, "--new-passphrase-file", secrets.resolve("root2"), "--work-factor-for-tests", WF, "--allow-non-removable"};
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CeremonyCliHarness.run(all);
    }

    @Test
    void wrongOldPassphrase() throws Exception {
        Files.writeString(secrets.resolve("wrong"), "not the passphrase of this backup at all, surely\n");
        Map<String, String> before = snapshot();
        CeremonyCliHarness.Run r = rotate(tmp.resolve("a1"), "wrong", tmp.resolve("a2"), tmp.resolve("b2"));
        assertRefused(r, before, "passphrase does not open", tmp.resolve("a1").toString());
    }

    @Test
    void backupWhoseKeyIsNotInTheRoot() throws Exception {
        assertThat(rotate(tmp.resolve("a1"), "root1", tmp.resolve("a2"), tmp.resolve("b2")).exitCode()).isZero();
        Path a3 = dir("a3");
        Path b3 = dir("b3");
        Map<String, String> before = snapshot();
        // The bootstrap's backup holds the key that root version 2 replaced.
        CeremonyCliHarness.Run r = rotate(tmp.resolve("b1"), "root1", a3, b3);
        assertRefused(r, before, "no root key of root version 2", tmp.resolve("b1").toString());
    }

    @Test
    void missingDriveFolder() throws Exception {
        Map<String, String> before = snapshot();
        CeremonyCliHarness.Run r = rotate(tmp.resolve("a1"), "root1", tmp.resolve("a2"), tmp.resolve("not-inserted"));
        assertRefused(r, before, "does not exist", "not-inserted");
        CeremonyCliHarness.Run u = rotate(tmp.resolve("gone"), "root1", tmp.resolve("a2"), tmp.resolve("b2"));
        assertRefused(u, before, "does not exist", "gone");
        CeremonyCliHarness.Run boot = CeremonyCliHarness.run("bootstrap", "--repository", "other", "--out", out,
                "--backup", tmp.resolve("a2"), "--backup", tmp.resolve("nowhere"), "--passphrase-file", secrets.resolve("root3"),
                "--online-passphrase-file", secrets.resolve("online1"), "--work-factor-for-tests", WF, "--allow-non-removable");
        assertRefused(boot, before, "does not exist", "nowhere");
    }

    @Test
    void existingNextRootVersion() throws Exception {
        // Another medium already holding 2.root.json: exporting there would overwrite it.
        Path out2 = dir("out2");
        Files.createDirectories(out2.resolve(REPO + "/metadata"));
        Files.writeString(out2.resolve(REPO + "/metadata/2.root.json"), "{}\n");
        Map<String, String> before = snapshot();
        CeremonyCliHarness.Run r = rotate(tmp.resolve("a1"), "root1", tmp.resolve("a2"), tmp.resolve("b2"), "--out", out2);
        assertRefused(r, before, "already exists", out2.resolve(REPO + "/metadata/2.root.json").toString());

        // In the repository itself: a 2.root.json that does not verify stops the rotation, naming it.
        Files.writeString(repo.resolve("metadata/2.root.json"), "{\"signed\": {}}\n");
        Map<String, String> before2 = snapshot();
        CeremonyCliHarness.Run r2 = rotate(tmp.resolve("a1"), "root1", tmp.resolve("a2"), tmp.resolve("b2"));
        assertRefused(r2, before2, "2.root.json", "does not verify");
    }

    @Test
    void tamperedTranscript() throws Exception {
        Path transcript;
        try (Stream<Path> s = Files.list(repo.resolve("ceremony"))) {
            transcript = s.filter(p -> p.toString().endsWith(".transcript.txt")).findFirst().orElseThrow();
        }
        assertThat(CeremonyCliHarness.run("verify-transcript", transcript).exitCode()).isZero();
        String text = Files.readString(transcript);
        Files.writeString(transcript, text.replace("ceremony: bootstrap", "ceremony: rotation"));
        Map<String, String> before = snapshot();
        CeremonyCliHarness.Run r = CeremonyCliHarness.run("verify-transcript", transcript);
        assertRefused(r, before, "Line 3 of the transcript", "was changed");

        // The last line is covered by the signature only.
        List<String> lines = text.lines().toList();
        String last = lines.get(lines.size() - 1);
        Files.writeString(transcript, text.replace(last, last.replace("ok", "OK")), StandardCharsets.UTF_8);
        CeremonyCliHarness.Run r2 = CeremonyCliHarness.run("verify-transcript", transcript);
        assertThat(r2.exitCode()).isNotZero();
        assertThat(r2.err()).contains("was changed after signing").doesNotContain("\tat ");
    }

    @Test
    void sameDriveTwiceAndBackupAsExportMedium() throws Exception {
        Map<String, String> before = snapshot();
        assertRefused(rotate(tmp.resolve("a1"), "root1", tmp.resolve("a2"), tmp.resolve("a2")), before, "same device", "a2");
        assertRefused(rotate(tmp.resolve("a1"), "root1", tmp.resolve("a2"), out), before, "export medium", "out");
    }

    private void assertRefused(CeremonyCliHarness.Run r, Map<String, String> before, String... mentions) {
        assertThat(r.exitCode()).as(r.all()).isNotZero();
        assertThat(r.err()).as(r.all()).contains(mentions).doesNotContain("\tat ");
        assertThat(r.err().lines().filter(l -> l.startsWith("error: ")).count()).as(r.all()).isGreaterThanOrEqualTo(1);
        assertThat(snapshot()).as("nothing written").isEqualTo(before);
    }

    private Path dir(String name) throws IOException {
        return CeremonyFixture.folder(tmp, name);
    }

    /** Every file and folder under the temp dir (bar the passphrase files) with its SHA-256. */
    private Map<String, String> snapshot() {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : s.toList()) {
                if (p.startsWith(secrets)) {
                    continue;
                }
                m.put(tmp.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

}
