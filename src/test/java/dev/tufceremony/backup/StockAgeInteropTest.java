package dev.tufceremony.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tufceremony.keys.KeyType;
import dev.tufceremony.keys.PublicKeys;
import dev.tufceremony.keys.SigningKey;
import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.secret.SecretBytes;
import dev.tufceremony.testing.ExternalTool;
import dev.tufceremony.tuf.Json;
import dev.tufceremony.tuf.Key;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The stock age 1.1.1 CLI (an independent implementation) opens what we write and we open what it
 * writes. age reads passphrases only from a terminal, so expect drives it; the (test) passphrase
 * reaches expect through its environment, not its command line.
 */
class StockAgeInteropTest {
    static final String PASSPHRASE = "stock age interop test passphrase";
    static final SecureRandom RANDOM = new SecureRandom();

    /** Answers age's passphrase prompts; exits with age's exit code. */
    static final String EXPECT_SCRIPT = """
            set timeout 120
            set passphrase $env(AGE_TEST_PASSPHRASE)
            set mode [lindex $argv 0]
            if {$mode eq "decrypt"} {
                spawn age -d -o [lindex $argv 1] [lindex $argv 2]
                expect {
                    "Enter passphrase" { send -- "$passphrase\\r" }
                    timeout { exit 101 }
                }
            } else {
                spawn age -p -o [lindex $argv 1] [lindex $argv 2]
                expect {
                    "Enter passphrase" { send -- "$passphrase\\r" }
                    timeout { exit 101 }
                }
                expect {
                    "Confirm passphrase" { send -- "$passphrase\\r" }
                    timeout { exit 102 }
                }
            }
            expect eof
            lassign [wait] pid spawnid os_error value
            exit $value
            """;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTools() {
        ExternalTool.require("age");
        ExternalTool.require("age-keygen");
        ExternalTool.require("expect");
        ExternalTool.require("openssl");
    }

    ExternalTool.Result expect(String mode, String out, String in) throws Exception {
        Files.writeString(dir.resolve("age.exp"), EXPECT_SCRIPT);
        return ExternalTool.run(dir, 180, Map.of("AGE_TEST_PASSPHRASE", PASSPHRASE), List.of("expect", "age.exp", mode, out, in));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void stockAgeOpensOurBackupAndOpensslDerivesTheSidecarKey(KeyType type) throws Exception {
        Map<String, byte[]> files;
        try (SigningKey key = SigningKey.generate(type, RANDOM); Passphrase p = Passphrase.copyOf(PASSPHRASE.toCharArray())) {
            files = KeyBackup.write(key, "acme", "{}".getBytes(StandardCharsets.UTF_8), p, WorkFactor.forTestsOnly(10),
                    Instant.parse("2026-11-26T00:00:00Z"), RANDOM);
        }
        String keyFile = null;
        Key sidecarKey = null;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String name = Path.of(f.getKey()).getFileName().toString();
            Files.write(dir.resolve(name), f.getValue());
            if (name.endsWith(".key.age")) {
                keyFile = name;
            } else if (name.endsWith(".pub.json")) {
                sidecarKey = Json.mapper().treeToValue(Json.mapper().readTree(f.getValue()).get("key"), Key.class);
            }
        }
        ExternalTool.Result age = expect("decrypt", "root.pem", keyFile);
        assertThat(age.exitCode()).as(age.output()).isZero();
        ExternalTool.Result pub = ExternalTool.run(dir, 30, List.of("openssl", "pkey", "-in", "root.pem", "-pubout"));
        assertThat(pub.exitCode()).as(pub.output()).isZero();
        assertThat(PublicKeys.fromSpkiPem(pub.output())).isEqualTo(sidecarKey);
    }

    @Test
    void weOpenWhatStockAgeEncryptsWithAPassphrase() throws Exception {
        assertThat(ExternalTool.run(dir, 30, List.of("openssl", "genpkey", "-algorithm", "ed25519", "-out", "key.pem")).exitCode()).isZero();
        ExternalTool.Result pub = ExternalTool.run(dir, 30, List.of("openssl", "pkey", "-in", "key.pem", "-pubout"));
        ExternalTool.Result age = expect("encrypt", "key.pem.age", "key.pem");
        assertThat(age.exitCode()).as(age.output()).isZero();
        AgeFile file = AgeFile.parse(Files.readAllBytes(dir.resolve("key.pem.age")));
        assertThat(file.passphraseWorkFactor().orElseThrow().logN()).isEqualTo(18); // age -p's default
        try (Passphrase p = Passphrase.copyOf(PASSPHRASE.toCharArray()); SecretBytes pem = file.decrypt(p);
                SigningKey key = SigningKey.fromPkcs8Pem(pem.reveal())) {
            assertThat(pem.reveal()).isEqualTo(Files.readAllBytes(dir.resolve("key.pem")));
            assertThat(key.publicKey()).isEqualTo(PublicKeys.fromSpkiPem(pub.output()));
        }
    }

    @Test
    void x25519RecipientsWorkBothWaysWithStockAge() throws Exception {
        byte[] plaintext = new byte[100_000];
        RANDOM.nextBytes(plaintext);
        Files.write(dir.resolve("plain"), plaintext);

        // Stock identity: we encrypt to its recipient, stock age decrypts.
        assertThat(ExternalTool.run(dir, 30, List.of("age-keygen", "-o", "team.txt")).exitCode()).isZero();
        ExternalTool.Result recipient = ExternalTool.run(dir, 30, List.of("age-keygen", "-y", "team.txt"));
        Files.write(dir.resolve("ours.age"),
                AgeEncryptor.encryptToRecipient(plaintext, X25519Recipient.parse(recipient.output().strip()), RANDOM));
        ExternalTool.Result dec = ExternalTool.run(dir, 30, List.of("age", "-d", "-i", "team.txt", "-o", "out", "ours.age"));
        assertThat(dec.exitCode()).as(dec.output()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("out"))).isEqualTo(plaintext);

        // Our identity: stock age encrypts to our recipient, we decrypt; and stock age reads our identity text.
        try (X25519Identity ours = X25519Identity.generate(RANDOM)) {
            ExternalTool.Result enc = ExternalTool.run(dir, 30,
                    List.of("age", "-r", ours.recipient().encode(), "-o", "theirs.age", "plain"));
            assertThat(enc.exitCode()).as(enc.output()).isZero();
            try (SecretBytes out = AgeFile.parse(Files.readAllBytes(dir.resolve("theirs.age"))).decrypt(ours)) {
                assertThat(out.reveal()).isEqualTo(plaintext);
            }
            Files.writeString(dir.resolve("ours.txt"), new String(ours.encode()) + "\n"); // test identity only
            ExternalTool.Result y = ExternalTool.run(dir, 30, List.of("age-keygen", "-y", "ours.txt"));
            assertThat(y.output().strip()).isEqualTo(ours.recipient().encode());
        }
    }
}
