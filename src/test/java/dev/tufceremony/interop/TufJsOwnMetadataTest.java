package dev.tufceremony.interop;

import static dev.tufceremony.interop.TestRepositories.DATA;
import static dev.tufceremony.interop.TestRepositories.HELLO;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tufceremony.interop.TestRepositories.RoleKeys;
import dev.tufceremony.keys.KeyType;
import dev.tufceremony.tuf.RepositoryVerifier;
import dev.tufceremony.tuf.VerificationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Metadata signed by this program's keys, read by tuf-js 5.0.1 trusting only 1.root.json: the
 * bootstrap shape and a 1→2 root rotation for every key type, and, so that a pass means
 * something, repositories broken on purpose that tuf-js must reject. Our own verifier
 * ({@link RepositoryVerifier}) must agree with tuf-js on every one of them.
 */
class TufJsOwnMetadataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<KeyType, RoleKeys> KEYS = new EnumMap<>(KeyType.class);

    @TempDir
    Path tmp;

    /** Keys are made once per type: RSA-3072 generation is the slow part of this class. */
    private static synchronized RoleKeys keys(KeyType type) {
        return KEYS.computeIfAbsent(type, t -> RoleKeys.generate(t, new SecureRandom()));
    }

    @AfterAll
    static synchronized void wipeKeys() {
        KEYS.values().forEach(RoleKeys::close);
        KEYS.clear();
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void bootstrapIsTrustedAndBothTargetsDownload(KeyType type) throws IOException {
        Path repo = tmp.resolve("repo");
        TestRepositories.writeBootstrap(repo, keys(type), TestRepositories.expiresIn(30), keys(type).targets());

        TufJsClient.Result r = runTufJs(repo);

        assertThat(r.ok()).as(r.describe()).isTrue();
        assertVersions(r, 1);
        assertThat(r.requests()).containsExactly(
                "404 /metadata/2.root.json",
                "200 /metadata/timestamp.json",
                "200 /metadata/1.snapshot.json",
                "200 /metadata/1.targets.json",
                "200 /targets/" + sha256(HELLO) + ".hello.txt",
                "200 /targets/dir/sub dir/" + sha256(DATA) + ".data.bin");
        assertTargetsDownloaded(r);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void rotationSignedByOldAndNewRootKeyIsTrusted(KeyType type) throws IOException {
        RoleKeys k = keys(type);
        Path repo = tmp.resolve("repo");
        TestRepositories.writeBootstrap(repo, k, TestRepositories.expiresIn(30), k.targets());
        TestRepositories.writeRotation(repo, k, TestRepositories.expiresIn(365), List.of(k.rootA(), k.rootB()));

        TufJsClient.Result r = runTufJs(repo);

        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.version("root")).isEqualTo(2);
        assertThat(r.requests()).startsWith("200 /metadata/2.root.json", "404 /metadata/3.root.json");
        assertThat(rootKeyIdsTrustedByClient()).containsExactly(k.rootB().keyId());
        assertTargetsDownloaded(r);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void rotationSignedOnlyByNewRootKeyIsRejected(KeyType type) throws IOException {
        RoleKeys k = keys(type);
        // Spec 5.3.4: v2 must be signed by a threshold of v1's root keys; B alone is not one.
        assertRotationRejected(k, List.of(k.rootB()));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void rotationSignedOnlyByOldRootKeyIsRejected(KeyType type) throws IOException {
        RoleKeys k = keys(type);
        // Spec 5.3.5: v2 must also meet its own threshold; A alone is not one of v2's root keys.
        assertRotationRejected(k, List.of(k.rootA()));
    }

    @Test
    void targetsSignedByAKeyNotInTheTargetsRoleIsRejected() throws IOException {
        RoleKeys k = keys(KeyType.ED25519);
        Path repo = tmp.resolve("repo");
        TestRepositories.writeBootstrap(repo, k, TestRepositories.expiresIn(30), k.snapshot());

        TufJsClient.Result r = runTufJs(repo, HELLO);

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.error()).contains("targets was signed by 0/1 keys");
        assertThat(r.requests()).doesNotContain("200 /targets/" + sha256(HELLO) + ".hello.txt");
    }

    @Test
    void expiredMetadataIsRejectedByTheRealClock() throws IOException {
        RoleKeys k = keys(KeyType.ED25519);
        Path repo = tmp.resolve("repo");
        TestRepositories.writeBootstrap(repo, k, Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS),
                k.targets());

        TufJsClient.Result r = runTufJs(repo, HELLO);

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.errorKind()).isEqualTo("ExpiredMetadataError");
    }

    private void assertRotationRejected(RoleKeys k, List<? extends dev.tufceremony.keys.Signer> signers) throws IOException {
        Path repo = tmp.resolve("repo");
        TestRepositories.writeBootstrap(repo, k, TestRepositories.expiresIn(30), k.targets());
        TestRepositories.writeRotation(repo, k, TestRepositories.expiresIn(365), signers);

        TufJsClient.Result r = runTufJs(repo);

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.errorKind()).isEqualTo("UnsignedMetadataError");
        assertThat(r.error()).isEqualTo("root was signed by 0/1 keys");
        assertThat(r.requests()).containsExactly("200 /metadata/2.root.json");
        assertThat(rootKeyIdsTrustedByClient()).containsExactly(k.rootA().keyId());
    }

    /**
     * Runs tuf-js, and our own client-side verifier on the same folder: the two independent
     * clients must reach the same verdict.
     */
    private TufJsClient.Result runTufJs(Path repo, String... targets) {
        String[] paths = targets.length == 0 ? new String[] {HELLO, DATA} : targets;
        TufJsClient.Result r = TufJsClient.run(repo, repo.resolve("metadata/1.root.json"), tmp.resolve("out"), paths);
        VerificationReport ours = new RepositoryVerifier(Clock.systemUTC()).verify(repo);
        assertThat(ours.ok()).as("our verifier vs tuf-js (%s)%n%s", r.describe(), String.join("\n", ours.lines()))
                .isEqualTo(r.ok());
        return r;
    }

    private void assertVersions(TufJsClient.Result r, int root) {
        assertThat(r.version("root")).isEqualTo(root);
        assertThat(r.version("timestamp")).isEqualTo(1);
        assertThat(r.version("snapshot")).isEqualTo(1);
        assertThat(r.version("targets")).isEqualTo(1);
    }

    /** Compares what tuf-js wrote with the bytes the repository was built from, hashed here in Java. */
    private void assertTargetsDownloaded(TufJsClient.Result r) throws IOException {
        for (Map.Entry<String, byte[]> f : TestRepositories.targetFiles().entrySet()) {
            byte[] downloaded = Files.readAllBytes(tmp.resolve("out/targets").resolve(f.getKey()));
            assertThat(downloaded).as(f.getKey()).isEqualTo(f.getValue());
            assertThat(r.downloadedSha256()).containsEntry(f.getKey(), sha256(f.getKey()));
        }
    }

    /** The root role's keyids in the root.json tuf-js persisted as trusted (spec 5.3.8). */
    private List<String> rootKeyIdsTrustedByClient() throws IOException {
        List<String> ids = new java.util.ArrayList<>();
        JSON.readTree(tmp.resolve("out/metadata/root.json").toFile())
                .path("signed").path("roles").path("root").path("keyids").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    private static String sha256(String target) {
        return TufJsClient.sha256Hex(TestRepositories.targetFiles().get(target));
    }
}
