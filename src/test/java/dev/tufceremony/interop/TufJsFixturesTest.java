package dev.tufceremony.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves the tuf-js harness on python-tuf's fixtures before trusting it with our own metadata:
 * every good repository refreshes and downloads its targets, every bad one is rejected.
 *
 * <p>tuf-js checks expiry against the real clock (it has no clock to inject), and the fixtures
 * expire 2027-11-26: from that day these tests fail on purpose, with a message saying so, until
 * the fixtures are regenerated with python-tuf (see fixtures/tuf/README.md).
 */
class TufJsFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELLO = "hello.txt";
    private static final String DATA = "dir/sub dir/data.bin";

    @TempDir
    Path tmp;

    @BeforeAll
    static void fixturesHaveNotExpired() throws IOException {
        Instant earliest = Instant.MAX;
        try (Stream<Path> files = Files.walk(fixturesRoot())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode expires = JSON.readTree(f.toFile()).path("signed").path("expires");
                if (expires.isTextual()) {
                    Instant e = Instant.parse(expires.asText());
                    earliest = e.isBefore(earliest) ? e : earliest;
                }
            }
        }
        if (!Instant.now().isBefore(earliest)) {
            Assertions.fail("The python-tuf fixtures under fixtures/tuf expired on " + earliest + " and tuf-js checks"
                    + " expiry against the real clock, so these interop tests cannot pass any more: regenerate the"
                    + " fixtures with python-tuf (fixtures/tuf/README.md) with a later expiry.");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bootstrap-ecdsa", "bootstrap-ed25519", "rotation-consistent-snapshot", "rotation-ed25519"})
    void goodRepositoryRefreshesAndDownloadsBothTargets(String name) throws IOException {
        Path repo = copyFixture("good/" + name);
        int newestRoot = newestRootVersion(repo);

        TufJsClient.Result r = TufJsClient.run(repo, repo.resolve("metadata/1.root.json"), tmp.resolve("out"), HELLO, DATA);

        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.version("root")).isEqualTo(newestRoot);
        assertThat(r.version("timestamp")).isEqualTo(1);
        assertThat(r.version("snapshot")).isEqualTo(1);
        assertThat(r.version("targets")).isEqualTo(1);
        // The client asked for the next root version and found none (spec 5.3.3).
        assertThat(r.requests()).contains("404 /metadata/" + (newestRoot + 1) + ".root.json");
        JsonNode targets = trustedTargets(repo);
        for (String path : List.of(HELLO, DATA)) {
            String expected = targets.path("signed").path("targets").path(path).path("hashes").path("sha256").asText();
            assertThat(expected).hasSize(64);
            byte[] downloaded = Files.readAllBytes(tmp.resolve("out/targets").resolve(path));
            assertThat(TufJsClient.sha256Hex(downloaded)).as(path).isEqualTo(expected);
            assertThat(r.downloadedSha256()).containsEntry(path, expected);
        }
    }

    @Test
    void consistentSnapshotRepositoryIsReadThroughVersionedAndHashPrefixedNames() throws IOException {
        Path repo = copyFixture("good/rotation-consistent-snapshot");

        TufJsClient.Result r = TufJsClient.run(repo, repo.resolve("metadata/1.root.json"), tmp.resolve("out"), HELLO, DATA);

        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.requests()).contains(
                "200 /metadata/1.snapshot.json",
                "200 /metadata/1.targets.json",
                "200 /targets/ea230621c53e0bb858ea5526125414f8957fb29c08350528d50a162c620f36b1.hello.txt",
                "200 /targets/dir/sub dir/785b0751fc2c53dc14a4ce3d800e69ef9ce1009eb327ccf458afe09c242c26c9.data.bin");
    }

    @Test
    void rotationSignedOnlyByNewKeyIsRejected() throws IOException {
        assertRootRejected("bad/rot-v2-signed-only-new-ed25519", "UnsignedMetadataError", "root was signed by 0/1 keys");
    }

    @Test
    void rotationSignedOnlyByOldKeyIsRejected() throws IOException {
        assertRootRejected("bad/rot-v2-signed-only-old-ed25519", "UnsignedMetadataError", "root was signed by 0/1 keys");
    }

    @Test
    void rotationWithWrongVersionIsRejected() throws IOException {
        assertRootRejected("bad/rot-wrong-version", "BadVersionError", "Expected version 2, got 3");
    }

    @Test
    void tamperedTrustAnchorIsRejectedBeforeAnyDownload() throws IOException {
        Path repo = copyFixture("bad/v1-tampered");

        TufJsClient.Result r = TufJsClient.run(repo, repo.resolve("metadata/1.root.json"), tmp.resolve("out"), HELLO);

        assertThat(r.ok()).as(r.describe()).isFalse();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errorKind()).isEqualTo("UnsignedMetadataError");
        assertThat(r.error()).isEqualTo("root was signed by 0/1 keys");
        assertThat(r.requests()).isEmpty();
    }

    @Test
    void alteredTargetIsRejectedAndNotWritten() throws IOException {
        Path repo = copyFixture("bad/target-hash-mismatch");

        TufJsClient.Result r = TufJsClient.run(repo, repo.resolve("metadata/1.root.json"), tmp.resolve("out"), HELLO);

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.errorKind()).isEqualTo("LengthOrHashMismatchError");
        assertThat(r.error()).startsWith("Expected hash ea230621c53e0bb858ea5526125414f8957fb29c08350528d50a162c620f36b1 but got ");
        // Metadata was fine: the refresh completed before the download failed.
        assertThat(r.requests()).contains("200 /metadata/targets.json", "200 /targets/hello.txt");
        assertThat(tmp.resolve("out/targets/hello.txt")).doesNotExist();
    }

    /**
     * A difference between clients, pinned so that it stays visible: tuf-js 5.0.1 takes keyids as
     * given and never recomputes them from the key, so it accepts the legacy securesystemslib keyid
     * that our verifier rejects (keyid = SHA-256 of the canonical key object, DESIGN §4). If a
     * tuf-js upgrade starts rejecting it, this test fails and the note can go.
     */
    @Test
    void legacyKeyIdIsAcceptedByTufJsThoughOurVerifierRejectsIt() throws IOException {
        Path repo = copyFixture("bad/legacy-keyid");

        TufJsClient.Result r = TufJsClient.run(repo, repo.resolve("metadata/1.root.json"), tmp.resolve("out"), HELLO);

        assertThat(r.ok()).as(r.describe()).isTrue();
    }

    private void assertRootRejected(String fixture, String kind, String message) throws IOException {
        Path repo = copyFixture(fixture);

        TufJsClient.Result r = TufJsClient.run(repo, repo.resolve("metadata/1.root.json"), tmp.resolve("out"), HELLO);

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.errorKind()).isEqualTo(kind);
        assertThat(r.error()).isEqualTo(message);
        // Rejected at 2.root.json: nothing past it was fetched, and v1 is still what the client trusts.
        assertThat(r.requests()).containsExactly("200 /metadata/2.root.json");
        assertThat(JSON.readTree(tmp.resolve("out/metadata/root.json").toFile()).path("signed").path("version").asInt())
                .isEqualTo(1);
    }

    static Path fixturesRoot() {
        try {
            return Path.of(TufJsFixturesTest.class.getResource("/fixtures/tuf").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a fixture repository, so that nothing the client does can touch the originals. */
    private Path copyFixture(String name) throws IOException {
        Path src = fixturesRoot().resolve(name);
        Path dst = tmp.resolve("repo");
        try (Stream<Path> files = Files.walk(src)) {
            files.forEach(p -> {
                try {
                    Path target = dst.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return dst;
    }

    private static int newestRootVersion(Path repo) throws IOException {
        int newest = 0;
        try (Stream<Path> files = Files.list(repo.resolve("metadata"))) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.matches("\\d+\\.root\\.json")) {
                    newest = Math.max(newest, Integer.parseInt(n.substring(0, n.indexOf('.'))));
                }
            }
        }
        return newest;
    }

    private static JsonNode trustedTargets(Path repo) throws IOException {
        Path versioned = repo.resolve("metadata/1.targets.json");
        return JSON.readTree((Files.exists(versioned) ? versioned : repo.resolve("metadata/targets.json")).toFile());
    }
}
