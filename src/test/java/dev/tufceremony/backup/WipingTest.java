package dev.tufceremony.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tufceremony.keys.KeyType;
import dev.tufceremony.keys.SigningKey;
import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret arrays the backup API hands out or takes in are zero once their owner is done. */
class WipingTest {
    static final SecureRandom RANDOM = new SecureRandom();
    static final WorkFactor CHEAP = WorkFactor.forTestsOnly(10);

    @TempDir
    Path drive;

    @Test
    void bouncyCastleKeyParametersCanBeWipedInPlace() {
        // AgeCrypto wipes Bouncy Castle's copy of each key through getKey(): that only works while
        // getKey() returns the parameter's own array, so a Bouncy Castle upgrade that changes it fails here.
        byte[] key = {1, 2, 3, 4};
        org.bouncycastle.crypto.params.KeyParameter kp = new org.bouncycastle.crypto.params.KeyParameter(key);
        java.util.Arrays.fill(kp.getKey(), (byte) 0);
        assertThat(kp.getKey()).containsOnly(0);
        assertThat(key).containsExactly(1, 2, 3, 4);
    }

    @Test
    void decryptedPlaintextIsZeroAfterClose() {
        byte[] plaintext = "-----BEGIN PRIVATE KEY-----".getBytes(StandardCharsets.US_ASCII);
        byte[] file = AgeEncryptor.encryptWithPassphrase(plaintext, Passphrase.copyOf("p".toCharArray()), CHEAP, RANDOM);
        byte[] handedOut;
        try (SecretBytes out = AgeFile.parse(file).decrypt(Passphrase.copyOf("p".toCharArray()))) {
            handedOut = out.reveal();
            assertThat(handedOut).isEqualTo(plaintext);
        }
        assertThat(handedOut).containsOnly(0);
    }

    @Test
    void passphrasesGivenToTheApiAreZeroAfterTheCallerDestroysThem() {
        char[] chars = "secret words".toCharArray();
        Passphrase p = Passphrase.wrap(chars);
        byte[] file = AgeEncryptor.encryptWithPassphrase(new byte[] {1}, p, CHEAP, RANDOM);
        AgeFile.parse(file).decrypt(p).destroy();
        assertThat(new String(chars)).isEqualTo("secret words"); // the API borrowed it, did not destroy it
        p.destroy();
        assertThat(chars).containsOnly('\0');
    }

    @Test
    void identityTextAndKeyAreZeroAfterDestroy() {
        X25519Identity id = X25519Identity.generate(RANDOM);
        char[] text = id.encode();
        assertThat(new String(text)).startsWith("AGE-SECRET-KEY-1");
        X25519Identity parsed = X25519Identity.parse(java.nio.CharBuffer.wrap(text));
        java.util.Arrays.fill(text, '\0'); // the caller's copy, wiped by the caller
        assertThat(parsed.recipient()).isEqualTo(id.recipient());
        id.destroy();
        parsed.destroy();
        assertThat(parsed.isDestroyed()).isTrue();
    }

    @Test
    void theKeyFromABackupIsDestroyedWithItsHandle() throws Exception {
        try (SigningKey key = SigningKey.generate(KeyType.ED25519, RANDOM)) {
            Map<String, byte[]> files = KeyBackup.write(key, "acme", new byte[0], Passphrase.copyOf("p".toCharArray()), CHEAP,
                    Instant.EPOCH, RANDOM);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path path = drive.resolve(f.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, f.getValue());
            }
            KeyBackup.OpenedKey opened = KeyBackup.open(KeyBackup.find(drive, "acme").get(0), Passphrase.copyOf("p".toCharArray()), List.of());
            SigningKey fromBackup = opened.key();
            byte[] pem = fromBackup.toPkcs8Pem();
            assertThat(new String(pem, StandardCharsets.US_ASCII)).contains("PRIVATE KEY");
            java.util.Arrays.fill(pem, (byte) 0);
            opened.close();
            assertThat(fromBackup.isDestroyed()).isTrue();
        }
    }
}
