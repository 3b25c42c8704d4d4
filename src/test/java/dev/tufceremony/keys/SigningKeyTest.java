package dev.tufceremony.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tufceremony.tuf.CanonicalJson;
import dev.tufceremony.tuf.Json;
import dev.tufceremony.tuf.Key;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigningKeyTest {
    private static final byte[] MESSAGE = "{\"_type\":\"root\"}".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void generatedKeySignsAndOnlyItsSignatureVerifies(KeyType type) {
        try (SigningKey key = SigningKey.generate(type, new SecureRandom())) {
            byte[] sig = key.sign(MESSAGE);
            assertThat(SignatureVerifier.verify(key.publicKey(), MESSAGE, sig)).isTrue();
            assertThat(SignatureVerifier.verify(key.publicKey(), "other".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
            byte[] flipped = sig.clone();
            flipped[flipped.length / 2] ^= 1;
            assertThat(SignatureVerifier.verify(key.publicKey(), MESSAGE, flipped)).isFalse();
            assertThat(key.publicKey().keytype()).isEqualTo(type.tufKeytype());
            assertThat(key.publicKey().scheme()).isEqualTo(type.scheme());
        }
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void pkcs8PemRoundTripKeepsTheKey(KeyType type) {
        try (SigningKey key = SigningKey.generate(type, new SecureRandom())) {
            byte[] pem = key.toPkcs8Pem();
            assertThat(new String(pem, StandardCharsets.US_ASCII)).startsWith("-----BEGIN PRIVATE KEY-----\n")
                    .endsWith("-----END PRIVATE KEY-----\n");
            try (SigningKey again = SigningKey.fromPkcs8Pem(pem)) {
                assertThat(again.type()).isEqualTo(type);
                assertThat(again.keyId()).isEqualTo(key.keyId());
                assertThat(SignatureVerifier.verify(key.publicKey(), MESSAGE, again.sign(MESSAGE))).isTrue();
            }
        }
    }

    @Test
    void destroyZeroesTheEncodingAndRefusesFurtherUse() {
        SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        byte[] pem = key.toPkcs8Pem();
        key.destroy();
        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(() -> key.sign(MESSAGE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(key::toPkcs8Pem).isInstanceOf(IllegalStateException.class);
        // The PEM handed out earlier is the caller's to wipe; it still decodes to the same key.
        assertThat(SigningKey.fromPkcs8Pem(pem).keyId()).isEqualTo(key.keyId());
    }

    @Test
    void rsaKeysAre3072BitsAndEcdsaSignaturesAreDer() {
        try (SigningKey rsa = SigningKey.generate(KeyType.RSA_PSS, new SecureRandom());
             SigningKey ec = SigningKey.generate(KeyType.ECDSA_P256, new SecureRandom())) {
            assertThat(rsa.sign(MESSAGE)).hasSize(3072 / 8);
            byte[] der = ec.sign(MESSAGE);
            assertThat(der[0]).isEqualTo((byte) 0x30);
            assertThat(der[1] & 0xff).isEqualTo(der.length - 2);
        }
    }

    @Test
    void ed25519SignatureIsRfc8032Test1() {
        // RFC 8032 §7.1 TEST 1: secret key 9d61b1...7f60, empty message.
        byte[] pem = ("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n"
                + "-----END PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII);
        try (SigningKey key = SigningKey.fromPkcs8Pem(pem)) {
            assertThat(key.publicKey().keyval().get("public"))
                    .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
            assertThat(HexFormat.of().formatHex(key.sign(new byte[0]))).isEqualTo(
                    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        }
    }

    @Test
    void malformedPrivateKeysAreClearErrors() {
        assertThatThrownBy(() -> SigningKey.fromPkcs8Pem("hello".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("not a PKCS#8 PEM");
        assertThatThrownBy(() -> SigningKey.fromPkcs8Pem(
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("could not be parsed");
        assertThatThrownBy(() -> SigningKey.fromPkcs8Pem(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("encrypted");
    }

    @Test
    void everySignatureInThePythonTufFixturesVerifies() throws Exception {
        int verified = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/fixtures/tuf/good"))) {
            for (Path f : files.filter(p -> p.toString().endsWith("root.json")).toList()) {
                JsonNode doc = Json.mapper().readTree(f.toFile());
                byte[] signed = CanonicalJson.encode(doc.get("signed"));
                for (JsonNode sig : doc.get("signatures")) {
                    JsonNode keyNode = doc.get("signed").get("keys").get(sig.get("keyid").asText());
                    if (keyNode == null) {
                        continue; // signed by a key of the previous root version
                    }
                    Key key = Json.mapper().treeToValue(keyNode, Key.class);
                    byte[] s = HexFormat.of().parseHex(sig.get("sig").asText());
                    assertThat(SignatureVerifier.verify(key, signed, s)).as(f.toString()).isTrue();
                    signed[signed.length - 2] ^= 1;
                    assertThat(SignatureVerifier.verify(key, signed, s)).as("tampered " + f).isFalse();
                    signed[signed.length - 2] ^= 1;
                    verified++;
                }
            }
        }
        assertThat(verified).isGreaterThanOrEqualTo(6);
    }

    @Test
    void publicKeyPemFromOpensslBecomesATufKey() throws Exception {
        String pem = Files.readString(Path.of("src/test/resources/fixtures/age/ed25519.pub.pem"));
        Key key = PublicKeys.fromSpkiPem(pem);
        assertThat(key.keytype()).isEqualTo("ed25519");
        assertThat(key.keyval().get("public")).matches("[0-9a-f]{64}");
        assertThat(PublicKeys.toSpkiPem(key).strip()).isEqualTo(pem.strip());
        for (KeyType type : new KeyType[] {KeyType.ECDSA_P256, KeyType.RSA_PSS}) {
            Key generated = SigningKey.generate(type, new SecureRandom()).publicKey();
            assertThat(PublicKeys.fromSpkiPem(PublicKeys.toSpkiPem(generated))).isEqualTo(generated);
        }
    }

    @Test
    void legacyEcdsaKeytypeIsAcceptedWhenReading() {
        Key modern = SigningKey.generate(KeyType.ECDSA_P256, new SecureRandom()).publicKey();
        Key legacy = new Key("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256", modern.keyval());
        assertThat(KeyType.of(legacy)).isEqualTo(KeyType.ECDSA_P256);
        assertThatThrownBy(() -> KeyType.of(new Key("ed25519", "rsassa-pss-sha256", modern.keyval())))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("Unsupported key");
    }
}
