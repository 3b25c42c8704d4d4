package dev.tufceremony.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tufceremony.keys.KeyType;
import dev.tufceremony.keys.PublicKeys;
import dev.tufceremony.keys.SigningKey;
import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.secret.SecretBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Files made by the stock age 1.1.1 CLI (fixtures/age/README.md). */
class StockAgeFixtureTest {
    static final String PASSPHRASE = "quartz lantern mosaic orbit fennel harbor";

    static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(Path.of(StockAgeFixtureTest.class.getResource("/fixtures/age/" + name).toURI()));
    }

    static Passphrase pass(String s) {
        return Passphrase.copyOf(s.toCharArray());
    }

    @Test
    void opensTheStockAgeFileToTheExpectedEd25519Key() throws Exception {
        AgeFile age = AgeFile.parse(fixture("ed25519.pem.age"));
        assertThat(age.passphraseWorkFactor().orElseThrow().logN()).isEqualTo(18);
        try (SecretBytes pem = age.decrypt(pass(PASSPHRASE)); SigningKey key = SigningKey.fromPkcs8Pem(pem.reveal())) {
            assertThat(key.type()).isEqualTo(KeyType.ED25519);
            assertThat(key.publicKey()).isEqualTo(PublicKeys.fromSpkiPem(new String(fixture("ed25519.pub.pem"))));
        }
    }

    @Test
    void theTamperedCopiesAreDamagedNotWrongPassphrase() throws Exception {
        assertThatThrownBy(() -> AgeFile.parse(fixture("tampered-header.age")).decrypt(pass(PASSPHRASE)))
                .isInstanceOfSatisfying(AgeException.class, e -> assertThat(e.stage()).isEqualTo(AgeException.Stage.HMAC))
                .hasMessageContaining("MAC");
        assertThatThrownBy(() -> AgeFile.parse(fixture("tampered-payload.age")).decrypt(pass(PASSPHRASE)))
                .isInstanceOfSatisfying(AgeException.class, e -> assertThat(e.stage()).isEqualTo(AgeException.Stage.PAYLOAD));
    }

    @Test
    void aWrongPassphraseIsReportedAsAWrongPassphrase() throws Exception {
        assertThatThrownBy(() -> AgeFile.parse(fixture("ed25519.pem.age")).decrypt(pass("quartz lantern mosaic orbit fennel harbour")))
                .isInstanceOfSatisfying(AgeException.class, e -> assertThat(e.stage()).isEqualTo(AgeException.Stage.NO_MATCH))
                .hasMessageContaining("passphrase does not open");
    }
}
