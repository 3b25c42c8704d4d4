package dev.tufceremony.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tufceremony.CeremonyError;
import dev.tufceremony.keys.KeyType;
import dev.tufceremony.keys.PublicKeys;
import dev.tufceremony.keys.SigningKey;
import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.secret.SecretBytes;
import dev.tufceremony.tuf.Json;
import dev.tufceremony.tuf.Key;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyBackupTest {
    static final WorkFactor CHEAP = WorkFactor.forTestsOnly(10);
    static final Instant CREATED = Instant.parse("2026-11-26T13:45:07.123Z");
    static final byte[] ROOT_JSON = "{\"signed\":{\"_type\":\"root\"},\"signatures\":[]}".getBytes(StandardCharsets.UTF_8);
    static final Map<KeyType, SigningKey> KEYS = new EnumMap<>(KeyType.class);
    static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path drive;

    @BeforeAll
    static void keys() {
        for (KeyType t : KeyType.values()) {
            KEYS.put(t, SigningKey.generate(t, RANDOM));
        }
    }

    @AfterAll
    static void destroyKeys() {
        KEYS.values().forEach(SigningKey::destroy);
    }

    static Passphrase pass(String s) {
        return Passphrase.copyOf(s.toCharArray());
    }

    /** Writes a backup of {@code key} to the temp drive; returns the key file. */
    Path backup(SigningKey key, String passphrase) throws Exception {
        Map<String, byte[]> files = KeyBackup.write(key, "acme", ROOT_JSON, pass(passphrase), CHEAP, CREATED, RANDOM);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = drive.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        return drive.resolve("tuf-ceremony/acme/root-" + key.keyId().substring(0, 16) + ".key.age");
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void writesTheFourFilesAndOpensToTheSameKey(KeyType type) throws Exception {
        SigningKey key = KEYS.get(type);
        String id16 = key.keyId().substring(0, 16);
        Map<String, byte[]> files = KeyBackup.write(key, "acme", ROOT_JSON, pass("pass phrase"), CHEAP, CREATED, RANDOM);
        assertThat(files.keySet()).containsExactly("tuf-ceremony/acme/root-" + id16 + ".key.age",
                "tuf-ceremony/acme/root-" + id16 + ".pub.json", "tuf-ceremony/acme/root.json", "tuf-ceremony/acme/RECOVERY.txt");
        assertThat(files.get("tuf-ceremony/acme/root.json")).isEqualTo(ROOT_JSON);

        Path keyFile = backup(key, "pass phrase");
        assertThat(KeyBackup.find(drive, "acme")).containsExactly(keyFile);
        try (KeyBackup.OpenedKey opened = KeyBackup.open(keyFile, pass("pass phrase"), List.of(key.publicKey()))) {
            assertThat(opened.key().keyId()).isEqualTo(key.keyId());
            assertThat(opened.key().type()).isEqualTo(type);
            assertThat(opened.workFactor().isTestOnly()).isTrue();
            assertThat(opened.sidecar().created()).isEqualTo(Instant.parse("2026-11-26T13:45:07Z"));
            byte[] message = "root.json".getBytes(StandardCharsets.UTF_8);
            assertThat(dev.tufceremony.keys.SignatureVerifier.verify(key.publicKey(), message, opened.key().sign(message))).isTrue();
        }
    }

    @Test
    void theSidecarHoldsTheKeyObjectAndItsFacts() throws Exception {
        SigningKey key = KEYS.get(KeyType.ECDSA_P256);
        Map<String, byte[]> files = KeyBackup.write(key, "acme", ROOT_JSON, pass("p"), CHEAP, CREATED, RANDOM);
        JsonNode json = Json.mapper().readTree(files.get("tuf-ceremony/acme/root-" + key.keyId().substring(0, 16) + ".pub.json"));
        assertThat(json.get("keyid").asText()).isEqualTo(key.keyId());
        assertThat(json.get("keytype").asText()).isEqualTo("ecdsa");
        assertThat(json.get("created").asText()).isEqualTo("2026-11-26T13:45:07Z");
        assertThat(json.get("format").asText()).isEqualTo("age-v1-scrypt/pkcs8-pem");
        assertThat(json.get("work_factor").asInt()).isEqualTo(10);
        assertThat(json.get("repository").asText()).isEqualTo("acme");
        assertThat(Json.mapper().treeToValue(json.get("key"), Key.class)).isEqualTo(key.publicKey());
        assertThat(new String(files.get("tuf-ceremony/acme/root-" + key.keyId().substring(0, 16) + ".pub.json"), StandardCharsets.UTF_8))
                .doesNotContain("PRIVATE");
    }

    @Test
    void recoveryTextGivesTheStockCommandsAndWhatToCompare() {
        SigningKey key = KEYS.get(KeyType.ED25519);
        String id16 = key.keyId().substring(0, 16);
        Map<String, byte[]> files = KeyBackup.write(key, "acme", ROOT_JSON, pass("p"), WorkFactor.forTestsOnly(10), CREATED, RANDOM);
        String text = new String(files.get("tuf-ceremony/acme/RECOVERY.txt"), StandardCharsets.UTF_8);
        assertThat(text).contains("age -d -o root.pem root-" + id16 + ".key.age")
                .contains("openssl pkey -in root.pem -pubout")
                .contains(key.keyId())
                .contains(PublicKeys.toSpkiPem(key.publicKey()).strip().split("\n")[1])
                .contains("offline")
                .contains("shred -u root.pem")
                .contains("test-only work factor");
        String real = RecoveryInstructions.text(new KeySidecar(key.publicKey(), key.keyId(), "ed25519", CREATED,
                KeySidecar.FORMAT_SCRYPT, java.util.OptionalInt.of(20), "acme", "root"), "root-x.key.age", PublicKeys.toSpkiPem(key.publicKey()));
        assertThat(real).contains("work factor 20 (needs 1 GiB").doesNotContain("test-only");
    }

    @Test
    void wrongPassphraseIsItsOwnError() throws Exception {
        Path keyFile = backup(KEYS.get(KeyType.ED25519), "right one");
        assertThatThrownBy(() -> KeyBackup.open(keyFile, pass("wrong one"), List.of()))
                .isInstanceOf(KeyBackupException.WrongPassphrase.class)
                .hasMessageContaining(keyFile.getFileName().toString()).hasMessageNotContaining("right one");
    }

    @Test
    void tamperedTruncatedEmptyOrForeignFilesAreDamaged() throws Exception {
        Path keyFile = backup(KEYS.get(KeyType.ED25519), "p");
        byte[] good = Files.readAllBytes(keyFile);
        int header = AgeRoundTripTest.headerLength(good);

        byte[] badMac = good.clone();
        badMac[header - 3] = (byte) (badMac[header - 3] == 'A' ? 'B' : 'A');
        assertDamaged(keyFile, badMac, "header was altered");

        byte[] badPayload = good.clone();
        badPayload[good.length - 20] ^= 0x40;
        assertDamaged(keyFile, badPayload, "content was altered");

        assertDamaged(keyFile, java.util.Arrays.copyOf(good, good.length - 1), "damaged");
        assertDamaged(keyFile, java.util.Arrays.copyOf(good, header - 10), "truncated");
        assertDamaged(keyFile, new byte[0], "empty");
        assertDamaged(keyFile, "-----BEGIN PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII), "not an age file");
        assertDamaged(keyFile, AgeRoundTripTest.withWorkFactor(AgeEncryptor.encryptWithPassphrase(new byte[1], pass("p"), CHEAP, RANDOM), "23"), "above 22");
        try (X25519Identity id = X25519Identity.generate(RANDOM)) {
            assertDamaged(keyFile, AgeEncryptor.encryptToRecipient(new byte[1], id.recipient(), RANDOM), "exactly one passphrase");
        }
        assertDamaged(keyFile, AgeEncryptor.encryptWithPassphrase("not a key".getBytes(StandardCharsets.US_ASCII), pass("p"), CHEAP, RANDOM),
                "PKCS#8");
        byte[] huge = new byte[(int) KeyBackup.MAX_FILE_SIZE + 1];
        assertDamaged(keyFile, huge, "too large");
    }

    @Test
    void aKeyThatIsNotTheExpectedOneIsUnexpected() throws Exception {
        SigningKey key = KEYS.get(KeyType.ED25519);
        Path keyFile = backup(key, "p");
        assertThatThrownBy(() -> KeyBackup.open(keyFile, pass("p"), List.of(KEYS.get(KeyType.RSA_PSS).publicKey())))
                .isInstanceOf(KeyBackupException.UnexpectedKey.class).hasMessageContaining("root.json");

        // Another key's encrypted file put in place of this one: it opens, but is not the sidecar's key.
        Path other = backup(KEYS.get(KeyType.ECDSA_P256), "p");
        Files.copy(other, keyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> KeyBackup.open(keyFile, pass("p"), List.of()))
                .isInstanceOf(KeyBackupException.UnexpectedKey.class).hasMessageContaining("sidecar");
    }

    @Test
    void aLegacyEcdsaKeytypeInRootJsonStillMatches() throws Exception {
        SigningKey key = KEYS.get(KeyType.ECDSA_P256);
        Path keyFile = backup(key, "p");
        Key legacy = new Key("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256", key.publicKey().keyval());
        try (KeyBackup.OpenedKey opened = KeyBackup.open(keyFile, pass("p"), List.of(legacy))) {
            assertThat(opened.key().keyId()).isEqualTo(key.keyId());
        }
    }

    @Test
    void missingOrUnreadableFilesAreMissing() throws Exception {
        SigningKey key = KEYS.get(KeyType.ED25519);
        Path keyFile = backup(key, "p");
        Path sidecar = keyFile.resolveSibling(keyFile.getFileName().toString().replace(".key.age", ".pub.json"));
        Files.delete(sidecar);
        assertThatThrownBy(() -> KeyBackup.open(keyFile, pass("p"), List.of()))
                .isInstanceOf(KeyBackupException.MissingBackup.class).hasMessageContaining(".pub.json");
        Files.delete(keyFile);
        assertThatThrownBy(() -> KeyBackup.open(keyFile, pass("p"), List.of()))
                .isInstanceOf(KeyBackupException.MissingBackup.class).hasMessageContaining("missing");
        assertThat(KeyBackup.find(drive, "acme")).isEmpty();
        assertThat(KeyBackup.find(drive, "no-such-repo")).isEmpty();
        Files.createDirectories(keyFile); // a folder where the file should be
        assertThatThrownBy(() -> KeyBackup.open(keyFile, pass("p"), List.of())).isInstanceOf(KeyBackupException.class);
    }

    @Test
    void aDamagedSidecarIsDamaged() throws Exception {
        Path keyFile = backup(KEYS.get(KeyType.ED25519), "p");
        Path sidecar = keyFile.resolveSibling(keyFile.getFileName().toString().replace(".key.age", ".pub.json"));
        Files.writeString(sidecar, "{\"keyid\": ");
        assertThatThrownBy(() -> KeyBackup.open(keyFile, pass("p"), List.of()))
                .isInstanceOf(KeyBackupException.DamagedBackup.class).hasMessageContaining("not valid JSON");
        String other = new String(KeyBackup.write(KEYS.get(KeyType.RSA_PSS), "acme", ROOT_JSON, pass("p"), CHEAP, CREATED, RANDOM)
                .entrySet().stream().filter(e -> e.getKey().endsWith(".pub.json")).findFirst().orElseThrow().getValue(), StandardCharsets.UTF_8);
        Files.writeString(sidecar, other);
        assertThatThrownBy(() -> KeyBackup.open(keyFile, pass("p"), List.of()))
                .isInstanceOf(KeyBackupException.DamagedBackup.class).hasMessageContaining("file name");
    }

    @Test
    void onlineKeysExportToATeamRecipient() {
        SigningKey key = KEYS.get(KeyType.ED25519);
        try (X25519Identity team = X25519Identity.generate(RANDOM)) {
            Map<String, byte[]> files = KeyBackup.exportToRecipient(key, "targets", "acme", team.recipient(), CREATED, RANDOM);
            String base = "targets-" + key.keyId().substring(0, 16);
            assertThat(files.keySet()).containsExactly(base + ".key.age", base + ".pub.json");
            try (SecretBytes pem = AgeFile.parse(files.get(base + ".key.age")).decrypt(team);
                    SigningKey back = SigningKey.fromPkcs8Pem(pem.reveal())) {
                assertThat(back.keyId()).isEqualTo(key.keyId());
            }
            assertThat(new String(files.get(base + ".pub.json"), StandardCharsets.UTF_8)).contains("age-v1-x25519/pkcs8-pem")
                    .contains("\"role\" : \"targets\"");
        }
    }

    @Test
    void onlineKeysExportUnderAPassphraseWithARootBackupStyleSidecar() throws Exception {
        SigningKey key = KEYS.get(KeyType.ECDSA_P256);
        Map<String, byte[]> files = KeyBackup.exportUnderPassphrase(key, "snapshot", "acme", pass("online pass"), CHEAP, CREATED, RANDOM);
        String base = "snapshot-" + key.keyId().substring(0, 16);
        assertThat(files.keySet()).containsExactly(base + ".key.age", base + ".pub.json");
        try (Passphrase p = pass("online pass");
                SecretBytes pem = AgeFile.parse(files.get(base + ".key.age")).decrypt(p);
                SigningKey back = SigningKey.fromPkcs8Pem(pem.reveal())) {
            assertThat(back.keyId()).isEqualTo(key.keyId());
        }
        KeySidecar sidecar = KeySidecar.parse(files.get(base + ".pub.json"));
        assertThat(sidecar.format()).isEqualTo(KeySidecar.FORMAT_SCRYPT);
        assertThat(sidecar.workFactor()).hasValue(10);
        assertThat(sidecar.role()).isEqualTo("snapshot");
        assertThat(sidecar.keyId()).isEqualTo(key.keyId());
        assertThat(sidecar.created()).isEqualTo(Instant.parse("2026-11-26T13:45:07Z"));
    }

    @Test
    void repositoryNamesMustBeFolderNames() {
        assertThatThrownBy(() -> KeyBackup.write(KEYS.get(KeyType.ED25519), "../etc", ROOT_JSON, pass("p"), CHEAP, CREATED, RANDOM))
                .isInstanceOf(CeremonyError.class).hasMessageContaining("folder name");
    }

    @Test
    void closingTheOpenedKeyDestroysIt() throws Exception {
        Path keyFile = backup(KEYS.get(KeyType.ED25519), "p");
        KeyBackup.OpenedKey opened = KeyBackup.open(keyFile, pass("p"), List.of());
        opened.close();
        assertThat(opened.key().isDestroyed()).isTrue();
    }

    private static void assertDamaged(Path keyFile, byte[] content, String reason) throws Exception {
        Files.write(keyFile, content);
        assertThatThrownBy(() -> KeyBackup.open(keyFile, pass("p"), List.of()))
                .isInstanceOf(KeyBackupException.DamagedBackup.class)
                .hasMessageContaining(keyFile.getFileName().toString())
                .hasMessageContaining(reason)
                .hasMessageNotContaining("\n");
    }
}
