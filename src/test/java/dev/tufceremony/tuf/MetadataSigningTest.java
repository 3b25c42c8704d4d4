package dev.tufceremony.tuf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tufceremony.keys.KeyType;
import dev.tufceremony.keys.SigningKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetadataSigningTest {
    private static final Instant EXPIRES = Instant.parse("2027-06-01T00:00:00Z");
    private static SigningKey rootA;
    private static SigningKey rootB;
    private static SigningKey online;

    @BeforeAll
    static void keys() {
        SecureRandom random = new SecureRandom();
        rootA = SigningKey.generate(KeyType.ED25519, random);
        rootB = SigningKey.generate(KeyType.ECDSA_P256, random);
        online = SigningKey.generate(KeyType.ED25519, random);
    }

    @AfterAll
    static void wipe() {
        rootA.close();
        rootB.close();
        online.close();
    }

    private static Root rootV1() {
        return Root.initial(EXPIRES.plusNanos(1), true)
                .withRoleKeys("root", List.of(rootA.publicKey()), 1)
                .withRoleKeys("targets", List.of(online.publicKey()), 1)
                .withRoleKeys("snapshot", List.of(online.publicKey()), 1)
                .withRoleKeys("timestamp", List.of(online.publicKey()), 1);
    }

    @Test
    void buildsRootV1WithTheFieldsClientsExpect() {
        Root root = rootV1();
        assertThat(root.version()).isEqualTo(1);
        assertThat(root.expiresText()).isEqualTo("2027-06-01T00:00:00Z");
        assertThat(root.specVersion()).isEqualTo("1.0.31");
        assertThat(root.consistentSnapshot()).isTrue();
        assertThat(root.keys()).containsOnlyKeys(rootA.keyId(), online.keyId());
        assertThat(root.role("root").keyids()).containsExactly(rootA.keyId());
        assertThat(root.toJson().get("consistent_snapshot").booleanValue()).isTrue();
    }

    @Test
    void signedMetadataSurvivesWriteAndReadAndVerifies() {
        Metadata<Root> m = Metadata.sign(rootV1(), List.of(rootA));
        Metadata<Root> back = MetadataCodec.read(MetadataCodec.write(m), Root.class, "1.root.json");
        ThresholdResult r = back.verify("root", back.signed());
        assertThat(r.met()).isTrue();
        assertThat(r.signed()).containsExactly(rootA.keyId());
        assertThat(back.signedDigest()).isEqualTo(m.signedDigest());
        assertThat(back.signed().toJson()).isEqualTo(m.signedJson());
    }

    @Test
    void rotationIsSignedByOldAndNewKeysOneKeyholderAtATime() {
        Root v1 = rootV1();
        Root v2 = v1.next().withRoleKeys("root", List.of(rootB.publicKey()), 1).withExpires(EXPIRES.plusSeconds(86400));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.keys()).doesNotContainKey(rootA.keyId());

        Metadata<Root> partial = Metadata.unsigned(v2).withSignatureFrom(rootA);
        // The session that carries the partially signed file reads it back before adding its own.
        partial = MetadataCodec.read(MetadataCodec.write(partial), Root.class, "2.root.json");
        assertThat(partial.verify("root", v1).met()).isTrue();
        ThresholdResult own = partial.verify("root", v2);
        assertThat(own.met()).isFalse();
        assertThat(own.missing()).isEqualTo(1);
        assertThat(own.unsigned()).containsExactly(rootB.keyId());

        Metadata<Root> done = partial.withSignatureFrom(rootB);
        assertThat(done.signatures()).hasSize(2);
        assertThat(done.verify("root", v1).met()).isTrue();
        assertThat(done.verify("root", v2).met()).isTrue();
        // Signing again with the same key replaces, not duplicates.
        assertThat(done.withSignatureFrom(rootB).signatures()).hasSize(2);
    }

    @Test
    void aSignatureOverDifferentContentDoesNotCount() {
        Metadata<Root> m = Metadata.sign(rootV1(), List.of(rootA));
        Metadata<Root> other = Metadata.unsigned(rootV1().withVersion(2)).withSignature(m.signatures().get(0));
        ThresholdResult r = other.verify("root", rootV1());
        assertThat(r.met()).isFalse();
        assertThat(r.rejected()).containsEntry(rootA.keyId(), "the signature does not verify");
    }

    @Test
    void malformedKeysAreRejectedReasonsNotExceptions() {
        List<Key> junk = List.of(
                new Key("ed25519", "ed25519", Map.of("public", "zz")),
                new Key("ed25519", "ed25519", Map.of("public", "ab")),
                new Key("ed25519", "ed25519", Map.of()),
                new Key("ecdsa", "ecdsa-sha2-nistp256", Map.of("public", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")),
                new Key("rsa", "rsassa-pss-sha256", Map.of("public", "not a pem")),
                new Key("dsa", "dsa-sha1", Map.of("public", "00")));
        for (Key key : junk) {
            Root root = rootV1().withRoleKeys("root", List.of(key), 1);
            Metadata<Root> m = Metadata.unsigned(root).withSignature(Signature.of(key.keyId(), new byte[64]));
            ThresholdResult r = m.verify("root", root);
            assertThat(r.met()).as(key.toString()).isFalse();
            assertThat(r.rejected()).as(key.toString()).containsOnlyKeys(key.keyId());
        }
    }

    @Test
    void bootstrapsTheThreeOnlineRolesV1() {
        Metadata<Targets> targets = Metadata.sign(Targets.initial(EXPIRES), List.of(online));
        Metadata<Snapshot> snapshot = Metadata.sign(Snapshot.initial(EXPIRES, MetaFile.of(1)), List.of(online));
        Metadata<Timestamp> timestamp = Metadata.sign(Timestamp.initial(EXPIRES, MetaFile.of(1)), List.of(online));
        assertThat(targets.signed().targets()).isEmpty();
        assertThat(snapshot.signed().meta()).containsOnlyKeys("targets.json");
        assertThat(timestamp.signed().snapshotMeta().version()).isEqualTo(1);
        for (Metadata<?> m : List.of(targets, snapshot, timestamp)) {
            Metadata<?> back = MetadataCodec.readAny(MetadataCodec.write(m), "x.json");
            assertThat(back.verify(back.signed().type(), rootV1()).met()).isTrue();
        }
    }

    @Test
    void everySignatureInTheGoodFixturesVerifiesWithOurModel() {
        for (Path repo : Fixtures.repos("good")) {
            Map<String, Path> files = new java.util.TreeMap<>();
            Fixtures.metadataFiles(repo).forEach(f -> files.put(f.getFileName().toString(), f));
            Root root = MetadataCodec.readFile(files.get("root.json"), Root.class, "root.json").signed();
            for (Path f : files.values()) {
                Metadata<?> m = MetadataCodec.readAny(Fixtures.bytes(f), Fixtures.name(f));
                if (m.signed() instanceof Root && m.signed().version() == 1 && root.version() == 2) {
                    continue; // signed by the old root key only
                }
                assertThat(m.verify(m.signed().type(), root).met()).as(Fixtures.name(f)).isTrue();
            }
        }
    }
}
