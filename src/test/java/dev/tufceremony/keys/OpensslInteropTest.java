package dev.tufceremony.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tufceremony.testing.ExternalTool;
import dev.tufceremony.testing.ExternalTool.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** OpenSSL (an independent implementation) reads our keys and accepts our signatures, and vice versa. */
class OpensslInteropTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsOpenssl() {
        ExternalTool.require("openssl");
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void opensslDerivesOurPublicKeyAndVerifiesOurSignature(KeyType type) throws Exception {
        byte[] message = "{\"_type\":\"root\",\"version\":1}".getBytes(StandardCharsets.UTF_8);
        try (SigningKey key = SigningKey.generate(type, new SecureRandom())) {
            Files.write(dir.resolve("key.pem"), key.toPkcs8Pem()); // test key only
            Files.write(dir.resolve("msg"), message);
            Files.write(dir.resolve("sig"), key.sign(message));
            String ourPem = PublicKeys.toSpkiPem(key.publicKey());

            Result pub = ExternalTool.run(dir, 30, List.of("openssl", "pkey", "-in", "key.pem", "-pubout"));
            assertThat(pub.exitCode()).as(pub.output()).isZero();
            assertThat(pub.output()).isEqualTo(ourPem);
            Files.writeString(dir.resolve("pub.pem"), ourPem);

            assertThat(opensslVerify(type).exitCode()).isZero();
            Files.write(dir.resolve("msg"), "tampered".getBytes(StandardCharsets.UTF_8));
            assertThat(opensslVerify(type).exitCode()).isNotZero();
        }
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void weVerifyOpensslSignaturesAndReadItsKeys(KeyType type) throws Exception {
        List<String> gen = switch (type) {
            case ED25519 -> List.of("openssl", "genpkey", "-algorithm", "ed25519", "-out", "key.pem");
            case ECDSA_P256 -> List.of("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                    "-out", "key.pem");
            case RSA_PSS -> List.of("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
                    "-out", "key.pem");
        };
        assertThat(ExternalTool.run(dir, 60, gen).exitCode()).isZero();
        byte[] message = "signed part".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("msg"), message);
        List<String> sign = new ArrayList<>(switch (type) {
            case ED25519 -> List.of("openssl", "pkeyutl", "-sign", "-rawin", "-inkey", "key.pem", "-in", "msg");
            case ECDSA_P256 -> List.of("openssl", "dgst", "-sha256", "-sign", "key.pem", "-out", "sig", "msg");
            case RSA_PSS -> List.of("openssl", "dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss",
                    "-sigopt", "rsa_pss_saltlen:32", "-sign", "key.pem", "-out", "sig", "msg");
        });
        if (type == KeyType.ED25519) {
            sign.addAll(List.of("-out", "sig"));
        }
        assertThat(ExternalTool.run(dir, 30, sign).exitCode()).isZero();
        byte[] sig = Files.readAllBytes(dir.resolve("sig"));
        try (SigningKey key = SigningKey.fromPkcs8Pem(Files.readAllBytes(dir.resolve("key.pem")))) {
            assertThat(key.type()).isEqualTo(type);
            assertThat(SignatureVerifier.verify(key.publicKey(), message, sig)).isTrue();
            assertThat(SignatureVerifier.verify(key.publicKey(), "other".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
        }
    }

    private Result opensslVerify(KeyType type) throws Exception {
        List<String> cmd = switch (type) {
            case ED25519 -> List.of("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin",
                    "-in", "msg", "-sigfile", "sig");
            case ECDSA_P256 -> List.of("openssl", "dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig", "msg");
            case RSA_PSS -> List.of("openssl", "dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss",
                    "-sigopt", "rsa_pss_saltlen:32", "-verify", "pub.pem", "-signature", "sig", "msg");
        };
        return ExternalTool.run(dir, 30, cmd);
    }
}
