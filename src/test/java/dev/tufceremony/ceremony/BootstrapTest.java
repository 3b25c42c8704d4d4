package dev.tufceremony.ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.backup.KeyBackup;
import dev.tufceremony.keys.KeyType;
import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.tuf.RepositoryVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private BootstrapRequest.Builder request(Passphrase root, Passphrase online) throws IOException {
        return BootstrapRequest.builder()
                .repository("agent-updates")
                .people(People.of("Ada Operator", "Bo Witness"))
                .keyType(KeyType.ED25519)
                .onlineKeys(new OnlineKeys.Generate(KeyType.ED25519, new OnlineKeyProtection.UnderPassphrase(online)))
                .rootPassphrase(root)
                .workFactorForTestsOnly(CeremonyFixture.TEST_WORK_FACTOR)
                .backupA(CeremonyFixture.folder(tmp, "a"))
                .backupB(CeremonyFixture.folder(tmp, "b"))
                .export(CeremonyFixture.folder(tmp, "out"))
                .allowNonRemovable(true);
    }

    @Test
    void writesBackupsExportAndTranscriptThatVerify() throws Exception {
        Passphrase root = CeremonyFixture.freshPassphrase();
        Passphrase online = CeremonyFixture.freshPassphrase();
        CeremonyReport report;
        RootSummary summary;
        try (Bootstrap b = new Bootstrap(request(root, online).build(), CeremonyFixture.environment(CLOCK))) {
            summary = b.prepare();
            assertThat(Files.list(tmp.resolve("out")).count()).as("prepare writes nothing").isZero();
            report = b.execute(Progress.NONE);
        }
        assertThat(root.isDestroyed()).isTrue();
        assertThat(online.isDestroyed()).isTrue();
        assertThat(summary.version()).isEqualTo(1);
        assertThat(summary.consistentSnapshot()).isTrue();
        assertThat(summary.expires()).isEqualTo(Instant.parse("2027-11-26T10:00:00Z"));
        String rootKeyid = summary.role("root").keys().get(0).keyid();
        Path repo = tmp.resolve("out/agent-updates");
        assertThat(repo.resolve("metadata")).isDirectoryContaining(p -> p.getFileName().toString().equals("1.root.json"))
                .isDirectoryContaining(p -> p.getFileName().toString().equals("timestamp.json"));
        assertThat(new RepositoryVerifier(CLOCK).verify(repo).ok()).isTrue();
        for (String d : List.of("a", "b")) {
            Path dir = KeyBackup.directory(tmp.resolve(d), "agent-updates");
            assertThat(dir.resolve("root-" + rootKeyid.substring(0, 16) + ".key.age")).exists();
            assertThat(dir.resolve("RECOVERY.txt")).exists();
            assertThat(dir.resolve("ceremony/2026-11-26-bootstrap.transcript.txt")).exists();
        }
        try (Stream<Path> s = Files.list(repo.resolve("online-keys"))) {
            assertThat(s.filter(p -> p.toString().endsWith(".key.age")).count()).isEqualTo(3);
        }
        assertThat(report.deviations()).anySatisfy(d -> assertThat(d).contains("not a removable drive"))
                .anySatisfy(d -> assertThat(d).contains("tests only"));
        TranscriptVerification tv = Transcript.verify(report.transcript(), Path.of(report.transcript() + ".sig"),
                repo.resolve("metadata/1.root.json"));
        assertThat(tv.ok()).as(tv.problems().toString()).isTrue();
        assertThat(report.files()).allSatisfy(f -> assertThat(f.sha256()).hasSize(64));
    }

    @Test
    void refusalsComeBeforeAnyWrite() throws Exception {
        Path out = CeremonyFixture.folder(tmp, "out");
        // the same drive twice
        assertRefused(request(CeremonyFixture.freshPassphrase(), CeremonyFixture.freshPassphrase())
                .backupB(tmp.resolve("a")).build(), "same device");
        // a backup drive that is also the export medium
        assertRefused(request(CeremonyFixture.freshPassphrase(), CeremonyFixture.freshPassphrase())
                .export(tmp.resolve("a")).build(), "export medium");
        // a weak passphrase
        assertRefused(request(Passphrase.copyOf("correct horse battery staple".toCharArray()), CeremonyFixture.freshPassphrase())
                .build(), "passphrase rule");
        // missing drive folder
        assertRefused(request(CeremonyFixture.freshPassphrase(), CeremonyFixture.freshPassphrase())
                .backupB(tmp.resolve("not-there")).build(), "does not exist");
        // air gap required
        try (Bootstrap b = new Bootstrap(request(CeremonyFixture.freshPassphrase(), CeremonyFixture.freshPassphrase())
                .requireAirGap(true).build(), CeremonyEnvironment.builder().clock(CLOCK)
                .airGapCheck(AirGapCheck.fixed(List.of("eth0"))).build())) {
            assertThatThrownBy(b::prepare).isInstanceOf(CeremonyError.class).hasMessageContaining("eth0");
        }
        // an existing file that would be overwritten
        Files.createDirectories(out.resolve("agent-updates/metadata"));
        assertRefused(request(CeremonyFixture.freshPassphrase(), CeremonyFixture.freshPassphrase()).build(), "already holds metadata");
        Files.delete(out.resolve("agent-updates/metadata"));
        Files.delete(out.resolve("agent-updates"));
        assertThat(tree(tmp)).containsExactlyInAnyOrder("a", "b", "out");
    }

    private void assertRefused(BootstrapRequest req, String message) {
        List<String> before = tree(tmp);
        try (Bootstrap b = new Bootstrap(req, CeremonyFixture.environment(CLOCK))) {
            assertThatThrownBy(b::prepare).isInstanceOf(CeremonyError.class).hasMessageContaining(message)
                    .hasMessageContaining("nothing was written");
        }
        assertThat(tree(tmp)).isEqualTo(before);
    }

    static List<String> tree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
