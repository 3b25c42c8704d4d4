package dev.tufceremony.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgeRoundTripTest {
    static final WorkFactor CHEAP = WorkFactor.forTestsOnly(10);
    final SecureRandom random = new SecureRandom();

    static Passphrase pass(String s) {
        return Passphrase.copyOf(s.toCharArray());
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65535, 65536, 65537, 131072, 200000})
    void passphraseRoundTripAcrossChunkBoundaries(int size) {
        byte[] plaintext = bytes(size);
        byte[] file = AgeEncryptor.encryptWithPassphrase(plaintext, pass("correct horse"), CHEAP, random);
        AgeFile age = AgeFile.parse(file);
        assertThat(age.stanzas()).hasSize(1);
        assertThat(age.stanzas().get(0).type()).isEqualTo("scrypt");
        assertThat(age.passphraseWorkFactor()).contains(CHEAP);
        try (SecretBytes out = age.decrypt(pass("correct horse"))) {
            assertThat(out.reveal()).isEqualTo(plaintext);
        }
        int chunks = Math.max(1, (size + 65535) / 65536);
        assertThat(file.length - headerLength(file)).isEqualTo(16 + size + 16 * chunks);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100, 65536, 65537})
    void x25519RoundTripWithSeveralRecipients(int size) {
        byte[] plaintext = bytes(size);
        try (X25519Identity alice = X25519Identity.generate(random); X25519Identity bob = X25519Identity.generate(random);
                X25519Identity eve = X25519Identity.generate(random)) {
            byte[] file = AgeEncryptor.encryptToRecipients(plaintext, List.of(alice.recipient(), bob.recipient()), random);
            try (SecretBytes out = AgeFile.parse(file).decrypt(bob)) {
                assertThat(out.reveal()).isEqualTo(plaintext);
            }
            assertThatThrownBy(() -> AgeFile.parse(file).decrypt(eve))
                    .isInstanceOfSatisfying(AgeException.class, e -> assertThat(e.stage()).isEqualTo(AgeException.Stage.NO_MATCH));
            assertThatThrownBy(() -> AgeFile.parse(file).decrypt(pass("x")))
                    .isInstanceOfSatisfying(AgeException.class, e -> assertThat(e.stage()).isEqualTo(AgeException.Stage.NO_MATCH))
                    .hasMessageContaining("not encrypted with a passphrase");
        }
    }

    @Test
    void theDefaultWorkFactorIsTwentyAndRoundTrips() {
        // The one test that pays for the real cost (1 GiB, seconds).
        assertThat(WorkFactor.DEFAULT.logN()).isEqualTo(20);
        assertThat(WorkFactor.DEFAULT.memoryBytes()).isEqualTo(1L << 30);
        byte[] plaintext = "-----BEGIN PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII);
        byte[] file = AgeEncryptor.encryptWithPassphrase(plaintext, pass("a real passphrase"), WorkFactor.DEFAULT, random);
        AgeFile age = AgeFile.parse(file);
        assertThat(new String(file, 0, 80, StandardCharsets.US_ASCII)).contains(" 20\n");
        assertThat(age.passphraseWorkFactor().orElseThrow().isTestOnly()).isFalse();
        try (SecretBytes out = age.decrypt(pass("a real passphrase"))) {
            assertThat(out.reveal()).isEqualTo(plaintext);
        }
    }

    @Test
    void workFactorRangeIsEnforcedWhenWriting() {
        assertThat(WorkFactor.of(18).logN()).isEqualTo(18);
        assertThat(WorkFactor.of(22).logN()).isEqualTo(22);
        assertThatThrownBy(() -> WorkFactor.of(17)).isInstanceOf(CeremonyError.class).hasMessageContaining("18 to 22");
        assertThatThrownBy(() -> WorkFactor.of(23)).isInstanceOf(CeremonyError.class);
        assertThatThrownBy(() -> WorkFactor.forTestsOnly(23)).isInstanceOf(CeremonyError.class);
        assertThatThrownBy(() -> WorkFactor.forTestsOnly(0)).isInstanceOf(CeremonyError.class);
        assertThat(WorkFactor.forTestsOnly(10).isTestOnly()).isTrue();
        assertThat(WorkFactor.of(18).isTestOnly()).isFalse();
    }

    @Test
    void aFileMadeWithATestOnlyWorkFactorSaysSoWhenRead() {
        byte[] file = AgeEncryptor.encryptWithPassphrase(bytes(10), pass("p"), WorkFactor.forTestsOnly(12), random);
        WorkFactor read = AgeFile.parse(file).passphraseWorkFactor().orElseThrow();
        assertThat(read.logN()).isEqualTo(12);
        assertThat(read.isTestOnly()).isTrue();
        assertThat(read.toString()).contains("test only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"23", "30", "64", "99999999999999999999", "2147483648"})
    void hugeWorkFactorsAreRefusedFromTheHeaderBeforeAnyKdf(String logN) {
        byte[] file = withWorkFactor(AgeEncryptor.encryptWithPassphrase(bytes(10), pass("p"), CHEAP, random), logN);
        AgeFile age = AgeFile.parse(file);
        assertThatThrownBy(age::passphraseWorkFactor).isInstanceOfSatisfying(AgeException.class,
                e -> assertThat(e.stage()).isEqualTo(AgeException.Stage.HEADER)).hasMessageContaining("above 22");
        // Decrypting fails the same way, immediately: 2^30 KiB would not even fit in this JVM.
        assertThatThrownBy(() -> age.decrypt(pass("p"))).isInstanceOfSatisfying(AgeException.class,
                e -> assertThat(e.stage()).isEqualTo(AgeException.Stage.HEADER));
    }

    @Test
    void wrongPassphraseIsNoMatchNotDamage() {
        byte[] file = AgeEncryptor.encryptWithPassphrase(bytes(100), pass("right"), CHEAP, random);
        assertThatThrownBy(() -> AgeFile.parse(file).decrypt(pass("wrong")))
                .isInstanceOfSatisfying(AgeException.class, e -> assertThat(e.stage()).isEqualTo(AgeException.Stage.NO_MATCH))
                .hasMessageContaining("passphrase");
    }

    @Test
    void emptyPassphraseIsRefusedWhenWriting() {
        assertThatThrownBy(() -> AgeEncryptor.encryptWithPassphrase(bytes(1), pass(""), CHEAP, random))
                .isInstanceOf(CeremonyError.class).hasMessageContaining("empty");
    }

    @Test
    void tamperedMacAndPayloadFailInTheirStages() {
        byte[] file = AgeEncryptor.encryptWithPassphrase(bytes(1000), pass("p"), CHEAP, random);
        int header = headerLength(file);
        byte[] badMac = file.clone();
        badMac[header - 5] = (byte) (badMac[header - 5] == 'A' ? 'B' : 'A');
        assertStage(badMac, AgeException.Stage.HMAC);
        byte[] badPayload = file.clone();
        badPayload[file.length - 100] ^= 1;
        assertStage(badPayload, AgeException.Stage.PAYLOAD);
        byte[] badNonce = file.clone();
        badNonce[header + 3] ^= 1;
        assertStage(badNonce, AgeException.Stage.PAYLOAD);
    }

    @Test
    void everyTruncationIsAClearAgeError() {
        byte[] file = AgeEncryptor.encryptWithPassphrase(bytes(300), pass("p"), CHEAP, random);
        for (int len = 0; len < file.length; len++) {
            byte[] cut = Arrays.copyOf(file, len);
            try {
                AgeFile.parse(cut).decrypt(pass("p")).destroy();
                throw new AssertionError("truncated to " + len + " bytes but decrypted");
            } catch (AgeException e) {
                assertThat(e.getMessage()).as("length " + len).isNotBlank().doesNotContain("\n");
                assertThat(e.stage()).isIn(AgeException.Stage.HEADER, AgeException.Stage.PAYLOAD);
            }
        }
    }

    @Test
    void everySingleBitFlipIsDetected() {
        byte[] plaintext = bytes(200);
        try (X25519Identity id = X25519Identity.generate(random)) {
            byte[] file = AgeEncryptor.encryptToRecipient(plaintext, id.recipient(), random);
            for (int i = 0; i < file.length; i++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] flipped = file.clone();
                    flipped[i] ^= (byte) (1 << bit);
                    try {
                        AgeFile.parse(flipped).decrypt(id).destroy();
                        throw new AssertionError("bit " + bit + " of byte " + i + " flipped but decrypted");
                    } catch (AgeException e) {
                        assertThat(e.getMessage()).isNotBlank();
                    }
                }
            }
        }
    }

    @Test
    void nonAgeInputsAreHeaderFailuresWithAReason() {
        assertHeader(new byte[0], "empty");
        assertHeader("hello world\n".getBytes(StandardCharsets.US_ASCII), "not an age file");
        assertHeader(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0}, "not an age file");
        assertHeader(bytes(5000), "not an age file");
        assertHeader("age-encryption.org/v2\n-> X\n\n--- AAAA\n".getBytes(StandardCharsets.US_ASCII), "not age format v1");
        assertHeader("-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n".getBytes(StandardCharsets.US_ASCII), "not an age file");
        assertHeader("age-encryption.org/v1\n".getBytes(StandardCharsets.US_ASCII), "truncated");
        assertHeader("age-encryption.org/v1\n-> scrypt\n".getBytes(StandardCharsets.US_ASCII), "truncated");
        assertHeader("age-encryption.org/v1\nhello\n".getBytes(StandardCharsets.US_ASCII), "neither a recipient stanza");
        assertHeader("age-encryption.org/v1\n-> a  b\n\n".getBytes(StandardCharsets.US_ASCII), "empty argument");
        assertHeader("age-encryption.org/v1\n-> a\nAAA=\n".getBytes(StandardCharsets.US_ASCII), "base64");
        byte[] longLine = new byte[200_000];
        Arrays.fill(longLine, (byte) 'A');
        System.arraycopy("age-encryption.org/v1\n-> ".getBytes(StandardCharsets.US_ASCII), 0, longLine, 0, 25);
        assertHeader(longLine, "longer than");
    }

    @Test
    void armoredFilesRoundTripAndBrokenArmorIsAnArmorFailure() {
        byte[] plaintext = bytes(70000);
        byte[] armored = AgeArmor.encode(AgeEncryptor.encryptWithPassphrase(plaintext, pass("p"), CHEAP, random));
        String text = new String(armored, StandardCharsets.US_ASCII);
        assertThat(text).startsWith("-----BEGIN AGE ENCRYPTED FILE-----\n").endsWith("-----END AGE ENCRYPTED FILE-----\n");
        assertThat(text.lines().filter(l -> !l.startsWith("-----")).limit(10)).allMatch(l -> l.length() == 64);
        try (SecretBytes out = AgeFile.parse(("\n  " + text + "\r\n").getBytes(StandardCharsets.US_ASCII)).decrypt(pass("p"))) {
            assertThat(out.reveal()).isEqualTo(plaintext);
        }
        String broken = text.replaceFirst("\n([A-Za-z0-9+/]{10})", "\n$1 ");
        assertThatThrownBy(() -> AgeFile.parse(broken.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(AgeException.class, e -> assertThat(e.stage()).isEqualTo(AgeException.Stage.ARMOR));
    }

    @Test
    void unknownStanzasAloneAreNoMatch() {
        try (X25519Identity id = X25519Identity.generate(random)) {
            byte[] file = AgeEncryptor.encryptToRecipient(bytes(10), id.recipient(), random);
            String text = new String(file, StandardCharsets.ISO_8859_1).replaceFirst("-> X25519 ", "-> some-future-type ");
            byte[] renamed = text.getBytes(StandardCharsets.ISO_8859_1);
            AgeFile age = AgeFile.parse(renamed);
            assertThat(age.stanzas().get(0).type()).isEqualTo("some-future-type");
            assertThatThrownBy(() -> age.decrypt(id)).isInstanceOfSatisfying(AgeException.class,
                    e -> assertThat(e.stage()).isEqualTo(AgeException.Stage.NO_MATCH));
            assertThatThrownBy(() -> age.decrypt(pass("p"))).isInstanceOfSatisfying(AgeException.class,
                    e -> assertThat(e.stage()).isEqualTo(AgeException.Stage.NO_MATCH));
        }
    }

    @Test
    void identitiesAndRecipientsRoundTripThroughTheirTextForms() {
        // The conformance kit's identity and its recipient as age-keygen -y prints it.
        X25519Identity id = X25519Identity.parse("AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0");
        char[] encoded = id.encode();
        assertThat(new String(encoded)).isEqualTo("AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0");
        assertThat(id.recipient().encode()).startsWith("age1").hasSize(62);
        assertThat(X25519Recipient.parse(id.recipient().encode())).isEqualTo(id.recipient());
        assertThat(id.toString()).doesNotContain("SECRET");
        id.destroy();
        assertThat(id.isDestroyed()).isTrue();
        assertThatThrownBy(() -> X25519Recipient.parse("age1notarecipient")).isInstanceOf(CeremonyError.class);
        assertThatThrownBy(() -> X25519Recipient.parse(id.recipient().encode().toUpperCase())).isInstanceOf(CeremonyError.class);
        assertThatThrownBy(() -> X25519Identity.parse("AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM1"))
                .isInstanceOf(CeremonyError.class).hasMessageNotContaining("AGE-SECRET-KEY-1EG");
    }

    static int headerLength(byte[] file) {
        String s = new String(file, StandardCharsets.ISO_8859_1);
        int mac = s.indexOf("\n--- ") + 1;
        return s.indexOf('\n', mac) + 1;
    }

    static byte[] withWorkFactor(byte[] file, String logN) {
        String s = new String(file, StandardCharsets.ISO_8859_1);
        return s.replaceFirst("(-> scrypt \\S+) 10\n", "$1 " + logN + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void assertStage(byte[] file, AgeException.Stage stage) {
        assertThatThrownBy(() -> AgeFile.parse(file).decrypt(pass("p")))
                .isInstanceOfSatisfying(AgeException.class, e -> assertThat(e.stage()).isEqualTo(stage));
    }

    private static void assertHeader(byte[] file, String reason) {
        assertThatThrownBy(() -> AgeFile.parse(file)).isInstanceOfSatisfying(AgeException.class,
                e -> assertThat(e.stage()).isEqualTo(AgeException.Stage.HEADER)).hasMessageContaining(reason);
    }
}
