package dev.tufceremony.tuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RepositoryVerifierTest {
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final RepositoryVerifier VERIFIER = new RepositoryVerifier(Clock.fixed(NOW, ZoneOffset.UTC));

    /** What each bad fixture's DESCRIPTION says, as the file, spec section and message we must report. */
    private static final Map<String, List<String>> BAD = Map.of(
            "legacy-keyid", List.of("metadata/1.root.json", "§4.2", "is not the SHA-256 of its key object"),
            "rot-v2-signed-only-new-ed25519", List.of("metadata/2.root.json", "§5.3.4", "threshold of root v1 not met: 0 of 1"),
            "rot-v2-signed-only-old-ed25519", List.of("metadata/2.root.json", "§5.3.4", "threshold of root v2 (its own keys) not met: 0 of 1"),
            "rot-wrong-version", List.of("metadata/2.root.json", "§5.3.5", "holds version 3"),
            "target-hash-mismatch", List.of("targets/hello.txt", "§5.7.3", "sha256 is "),
            "v1-tampered", List.of("metadata/1.root.json", "§5.2", "threshold of root v1 (trust anchor, self-signed) not met: 0 of 1"));

    static Stream<Path> good() {
        return Fixtures.repos("good").stream();
    }

    static Stream<Path> bad() {
        return Fixtures.repos("bad").stream();
    }

    @ParameterizedTest
    @MethodSource("good")
    void everyGoodFixtureVerifies(Path repo) {
        VerificationReport report = VERIFIER.verify(repo);
        assertThat(report.failures()).isEmpty();
        assertThat(report.ok()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.files()).allMatch(FileReport::ok);
        // Every metadata file and both targets were looked at.
        assertThat(report.files().stream().filter(f -> f.file().startsWith("targets/"))).hasSize(2);
        assertThat(report.lines().get(report.lines().size() - 1)).startsWith("verified: all ");
    }

    @ParameterizedTest
    @MethodSource("bad")
    void everyBadFixtureIsRejectedForTheReasonItsDescriptionGives(Path repo) throws IOException {
        String name = repo.getFileName().toString();
        assertThat(BAD).as("expected failure for " + name + ": " + Files.readString(repo.resolve("DESCRIPTION"))).containsKey(name);
        List<String> expected = BAD.get(name);
        VerificationReport report = VERIFIER.verify(repo);
        assertThat(report.ok()).isFalse();
        Failure first = report.failures().get(0);
        assertThat(first.file()).isEqualTo(expected.get(0));
        assertThat(first.section()).isEqualTo(expected.get(1));
        assertThat(first.message()).contains(expected.get(2));
        // Nothing else is blamed: every failure is in that one file.
        assertThat(report.failures()).allMatch(f -> f.file().equals(expected.get(0)));
    }

    @Test
    void aThresholdFailureSaysHowManySignaturesArePresentAndWhichAreMissing() {
        VerificationReport report = VERIFIER.verify(Fixtures.repo("bad/rot-v2-signed-only-new-ed25519"));
        FileReport v2 = report.file("metadata/2.root.json").orElseThrow();
        ThresholdResult old = v2.thresholds().get(0);
        assertThat(old.signed()).isEmpty();
        assertThat(old.missing()).isEqualTo(1);
        assertThat(old.unsigned()).hasSize(1);
        assertThat(v2.failures().get(0).line()).isEqualTo("FAIL metadata/2.root.json  §5.3.4 threshold of root v1 not met: "
                + "0 of 1 required signatures (missing: " + old.unsigned().get(0) + ")");
        assertThat(v2.thresholds().get(1).met()).isTrue();
        assertThat(report.file("metadata/timestamp.json").orElseThrow().status()).isEqualTo(FileReport.Status.SKIP);
    }

    @Test
    void everyKeyInEveryFixtureRecomputesToItsKeyidExceptTheLegacyOne() {
        int checked = 0;
        for (Path file : Fixtures.allMetadataFiles()) {
            Metadata<? extends Signed> m = MetadataCodec.readAny(Fixtures.bytes(file), Fixtures.name(file));
            Map<String, Key> keys = m.signed() instanceof Root r ? r.keys()
                    : m.signed() instanceof Targets t && t.delegations().isPresent() ? t.delegations().get().keys() : Map.of();
            for (Map.Entry<String, Key> e : keys.entrySet()) {
                checked++;
                boolean legacy = file.toString().contains("legacy-keyid")
                        && r(m).role("root").keyids().contains(e.getKey());
                if (legacy) {
                    assertThat(e.getValue().keyId()).as(Fixtures.name(file)).isNotEqualTo(e.getKey());
                } else {
                    assertThat(e.getValue().keyId()).as(Fixtures.name(file) + " " + e.getKey()).isEqualTo(e.getKey());
                }
            }
        }
        assertThat(checked).isGreaterThan(40);
        // And the verifier rejects the legacy one for exactly that reason.
        Failure f = VERIFIER.verify(Fixtures.repo("bad/legacy-keyid")).failures().get(0);
        String legacyId = r(MetadataCodec.readAny(Fixtures.bytes(Fixtures.repo("bad/legacy-keyid").resolve("metadata/1.root.json")), "x"))
                .role("root").keyids().get(0);
        assertThat(f.message()).startsWith("keyid " + legacyId + " in keys is not the SHA-256 of its key object");
    }

    private static Root r(Metadata<? extends Signed> m) {
        return (Root) m.signed();
    }

    @Test
    void expiredMetadataFailsWithTheFreezeAttackRules() {
        VerificationReport report = new RepositoryVerifier(Clock.fixed(Instant.parse("2027-11-26T11:36:04Z"), ZoneOffset.UTC))
                .verify(Fixtures.repo("good/rotation-consistent-snapshot"));
        assertThat(report.failures()).extracting(Failure::section).containsExactly("§5.3.10", "§5.4.4", "§5.5.6", "§5.6.5");
        assertThat(report.failures()).extracting(Failure::file).containsExactly("metadata/2.root.json", "metadata/timestamp.json",
                "metadata/1.snapshot.json", "metadata/1.targets.json");
        // One second earlier everything is still valid.
        assertThat(new RepositoryVerifier(Clock.fixed(Instant.parse("2027-11-26T11:36:03Z"), ZoneOffset.UTC))
                .verify(Fixtures.repo("good/rotation-consistent-snapshot")).ok()).isTrue();
    }

    @Test
    void anExpiredOlderRootIsFine(@TempDir Path dir) {
        TestRepository repo = new TestRepository();
        Root v1 = repo.newestRoot();
        repo.setRoot(0, Metadata.sign(v1.withExpires(Instant.parse("2026-01-01T00:00:00Z")), List.of(repo.rootKeys.get(0))));
        repo.rotate(Instant.parse("2027-06-01T00:00:00Z"));
        VerificationReport report = VERIFIER.verify(repo.write(dir));
        assertThat(report.ok()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.file("metadata/2.root.json").orElseThrow().summary())
                .isEqualTo("version 2, 1/1 old-root signatures, 1/1 new-root signatures, expires 2027-06-01T00:00:00Z");
    }

    @Test
    void aGapInTheRootChainMakesLaterRootsUnreachable(@TempDir Path dir) throws IOException {
        TestRepository repo = new TestRepository().rotate(TestRepository.EXPIRES).rotate(TestRepository.EXPIRES);
        repo.write(dir);
        Files.delete(dir.resolve("metadata/2.root.json"));
        VerificationReport report = VERIFIER.verify(dir);
        assertThat(report.failures()).hasSize(1);
        assertThat(report.failures().get(0).line()).isEqualTo("FAIL metadata/3.root.json  §5.3.3 unreachable: "
                + "metadata/2.root.json is missing, so clients stop at root version 1");
    }

    @Test
    void rootJsonMustBeTheNewestRoot(@TempDir Path dir) throws IOException {
        TestRepository repo = new TestRepository().rotate(TestRepository.EXPIRES);
        repo.write(dir);
        Files.copy(dir.resolve("metadata/1.root.json"), dir.resolve("metadata/root.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Failure f = VERIFIER.verify(dir).failures().get(0);
        assertThat(f.file()).isEqualTo("metadata/root.json");
        assertThat(f.message()).contains("not the same as 2.root.json");
    }

    @Test
    void checksLengthsAndHashesOfSnapshotAndTargetsWhenTheyAreListed(@TempDir Path dir) throws IOException {
        TestRepository repo = new TestRepository();
        repo.metaHashes = true;
        repo.write(dir);
        assertThat(VERIFIER.verify(dir).ok()).isTrue();
        // Same length, one byte different, still validly signed content would need the key: just flip a byte.
        Path snap = dir.resolve("metadata/1.snapshot.json");
        byte[] b = Files.readAllBytes(snap);
        b[b.length - 1] = (byte) ' ';
        Files.write(snap, b);
        Failure f = VERIFIER.verify(dir).failures().get(0);
        assertThat(f.file()).isEqualTo("metadata/1.snapshot.json");
        assertThat(f.section()).isEqualTo("§5.5.2");
        Files.write(snap, java.util.Arrays.copyOf(b, b.length + 1));
        assertThat(VERIFIER.verify(dir).failures().get(0).section()).isEqualTo("§5.5.1");
    }

    @Test
    void aMissingOrTruncatedTargetFails(@TempDir Path dir) throws IOException {
        TestRepository repo = new TestRepository();
        repo.write(dir);
        String hash = Hashes.sha256(repo.targetFiles.get("dir/data.bin"));
        Files.write(dir.resolve("targets/dir/" + hash + ".data.bin"), new byte[] {1, 2});
        Files.delete(dir.resolve("targets/" + Hashes.sha256(repo.targetFiles.get("hello.txt")) + ".hello.txt"));
        List<Failure> failures = VERIFIER.verify(dir).failures();
        assertThat(failures).extracting(Failure::message).containsExactlyInAnyOrder(
                "target hello.txt is missing (consistent snapshots name it by its hash)",
                "is 2 bytes, not the 3 bytes the targets metadata says");
    }

    @Test
    void withoutConsistentSnapshotsFilesHavePlainNames(@TempDir Path dir) {
        TestRepository repo = new TestRepository();
        repo.consistent = false;
        repo.setRoot(0, Metadata.sign(repo.newestRoot().withConsistentSnapshot(false), List.of(repo.rootKeys.get(0))));
        VerificationReport report = VERIFIER.verify(repo.write(dir));
        assertThat(report.ok()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.files()).extracting(FileReport::file).contains("metadata/snapshot.json", "metadata/targets.json",
                "targets/hello.txt", "targets/dir/data.bin");
    }

    @Test
    void delegatedTargetsAreVerifiedWithTheDelegatingRolesKeys(@TempDir Path dir) throws IOException {
        TestRepository repo = new TestRepository();
        repo.delegation = true;
        repo.write(dir);
        VerificationReport report = VERIFIER.verify(dir);
        assertThat(report.ok()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.file("metadata/1.releases.json").orElseThrow().summary()).contains("1/1 releases signatures");
        assertThat(report.files()).extracting(FileReport::file).contains("targets/releases/"
                + Hashes.sha256(new byte[] {9, 9, 9}) + ".app.bin");

        // Signed by the wrong key (the online key is not delegated to).
        Metadata<Targets> releases = MetadataCodec.readFile(dir.resolve("metadata/1.releases.json"), Targets.class, "r");
        Files.write(dir.resolve("metadata/1.releases.json"), MetadataCodec.write(releases.withoutSignatures().withSignatureFrom(repo.online)));
        Failure f = VERIFIER.verify(dir).failures().get(0);
        assertThat(f.file()).isEqualTo("metadata/1.releases.json");
        assertThat(f.section()).isEqualTo("§5.6.7");
        assertThat(f.message()).startsWith("threshold of delegated role releases (delegated by targets) not met: 0 of 1");
    }

    // --- bad input: a clear line, no exception -------------------------------------------------

    private static Path copyOf(Path fixture, Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(fixture)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path to = dir.resolve(fixture.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return dir;
    }

    @Test
    void malformedTimestampIsOneClearFailure(@TempDir Path dir) throws IOException {
        copyOf(Fixtures.repo("good/bootstrap-ed25519"), dir);
        Files.writeString(dir.resolve("metadata/timestamp.json"), "{\"signatures\": [], \"signed\": {\"_type\": \"timestamp\"");
        VerificationReport report = VERIFIER.verify(dir);
        Failure f = report.failures().get(0);
        assertThat(f.file()).isEqualTo("metadata/timestamp.json");
        assertThat(f.section()).isEqualTo("§4.6");
        assertThat(f.message()).startsWith("is not valid JSON at line 1");
        assertThat(report.file("metadata/snapshot.json").orElseThrow().status()).isEqualTo(FileReport.Status.SKIP);
    }

    @Test
    void wrongTypesAndMissingFieldsNameTheJsonPath(@TempDir Path dir) throws IOException {
        copyOf(Fixtures.repo("good/bootstrap-ed25519"), dir);
        Path snap = dir.resolve("metadata/snapshot.json");
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(snap.toFile());
        ((ObjectNode) tree.get("signed").get("meta").get("targets.json")).put("version", "1");
        Files.write(snap, Json.mapper().writeValueAsBytes(tree));
        assertThat(VERIFIER.verify(dir).failures().get(0).line())
                .isEqualTo("FAIL metadata/snapshot.json  §4.4 $.signed.meta[\"targets.json\"].version must be an integer, found a string");
        ((ObjectNode) tree.get("signed")).remove("meta");
        Files.write(snap, Json.mapper().writeValueAsBytes(tree));
        assertThat(VERIFIER.verify(dir).failures().get(0).message()).isEqualTo("$.signed is missing the required field \"meta\"");
    }

    @Test
    void duplicateSignatureKeyidsAreRefused(@TempDir Path dir) throws IOException {
        copyOf(Fixtures.repo("good/bootstrap-ed25519"), dir);
        Path ts = dir.resolve("metadata/timestamp.json");
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(ts.toFile());
        ((ArrayNode) tree.get("signatures")).add(tree.get("signatures").get(0).deepCopy());
        Files.write(ts, Json.mapper().writeValueAsBytes(tree));
        assertThat(VERIFIER.verify(dir).failures().get(0).message()).startsWith("$.signatures[1] is a second signature by keyid ");
    }

    @Test
    void aSignatureOfTheWrongLengthIsNamed(@TempDir Path dir) throws IOException {
        copyOf(Fixtures.repo("good/bootstrap-ed25519"), dir);
        Path ts = dir.resolve("metadata/timestamp.json");
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(ts.toFile());
        ObjectNode sig = (ObjectNode) tree.get("signatures").get(0);
        sig.put("sig", sig.get("sig").textValue().substring(2));
        Files.write(ts, Json.mapper().writeValueAsBytes(tree));
        Failure f = VERIFIER.verify(dir).failures().get(0);
        assertThat(f.section()).isEqualTo("§5.4.2");
        assertThat(f.message()).contains("the signature is 63 bytes long; an ed25519 signature is 64");
    }

    @Test
    void aMetadataFileOver16MiBIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        copyOf(Fixtures.repo("good/bootstrap-ed25519"), dir);
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("metadata/timestamp.json").toFile(), "rw")) {
            f.setLength(MetadataCodec.MAX_METADATA_BYTES + 1);
        }
        Failure f = VERIFIER.verify(dir).failures().get(0);
        assertThat(f.file()).isEqualTo("metadata/timestamp.json");
        assertThat(f.message()).startsWith("is 16777217 bytes, larger than the 16777216-byte (16 MiB) limit");
    }

    @Test
    void anEmptyFolderFailsWithoutAnException(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("metadata"));
        VerificationReport report = VERIFIER.verify(dir);
        assertThat(report.ok()).isFalse();
        assertThat(report.failures().get(0).line()).isEqualTo("FAIL metadata/1.root.json  §5.2 the trust anchor 1.root.json is missing");
    }

    @Test
    void unsafeTargetPathsAreRefused() {
        assertThat(RepositoryVerifier.safeTargetPath("dir/sub dir/data.bin")).isTrue();
        for (String p : List.of("../x", "a/../../x", "/etc/passwd", "a//b", "a\\b", "", "a/./b")) {
            assertThat(RepositoryVerifier.safeTargetPath(p)).as(p).isFalse();
        }
    }

    @Test
    void notJsonAtAll(@TempDir Path dir) throws IOException {
        copyOf(Fixtures.repo("good/bootstrap-ed25519"), dir);
        Files.write(dir.resolve("metadata/1.root.json"), new byte[] {(byte) 0xff, 0, 1});
        Failure f = VERIFIER.verify(dir).failures().get(0);
        assertThat(f.file()).isEqualTo("metadata/1.root.json");
        assertThat(f.message()).startsWith("is not valid JSON");
        assertThat(new String(new byte[0], StandardCharsets.UTF_8)).isEmpty();
    }
}
