package dev.tufceremony.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.secret.SecretBytes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * age's public conformance kit (C2SP CCTV): every vector that uses a passphrase or only X25519
 * identities must give exactly its expected outcome. Vectors are skipped only by what their own
 * lines say (armored, or an identity of a type we do not implement).
 */
class AgeTestkitTest {

    /** One vector: its text header and the age file after the blank line. */
    record Vector(String name, String expect, String payloadSha256, List<String> identities, List<String> passphrases,
            boolean armored, byte[] file) {

        boolean supported() {
            return identities.stream().allMatch(id -> id.startsWith("AGE-SECRET-KEY-1"));
        }
    }

    static List<Vector> vectors() throws Exception {
        Path dir = Path.of(AgeTestkitTest.class.getResource("/fixtures/age-testkit").toURI());
        List<Vector> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                if (!p.getFileName().toString().equals("README.md")) {
                    out.add(read(p));
                }
            }
        }
        return out;
    }

    static Vector read(Path p) throws Exception {
        byte[] all = Files.readAllBytes(p);
        int i = 0;
        String expect = null;
        String payload = null;
        String compressed = null;
        boolean armored = false;
        List<String> identities = new ArrayList<>();
        List<String> passphrases = new ArrayList<>();
        while (true) {
            int nl = indexOf(all, i);
            String line = new String(all, i, nl - i, StandardCharsets.UTF_8);
            i = nl + 1;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(": ");
            String key = line.substring(0, colon);
            String value = line.substring(colon + 2);
            switch (key) {
                case "expect" -> expect = value;
                case "payload" -> payload = value;
                case "identity" -> identities.add(value);
                case "passphrase" -> passphrases.add(value);
                case "armored" -> armored = value.equals("yes");
                case "compressed" -> compressed = value;
                case "file key", "comment" -> { }
                default -> throw new AssertionError(p + ": unknown vector line " + key);
            }
        }
        byte[] file = java.util.Arrays.copyOfRange(all, i, all.length);
        if (compressed != null) {
            assertThat(compressed).isEqualTo("zlib");
            file = inflate(file);
        }
        return new Vector(p.getFileName().toString(), expect, payload, identities, passphrases, armored, file);
    }

    private static int indexOf(byte[] a, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == '\n') {
                return i;
            }
        }
        throw new AssertionError("vector header not terminated");
    }

    private static byte[] inflate(byte[] z) throws Exception {
        Inflater inf = new Inflater();
        inf.setInput(z);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (!inf.finished()) {
            int n = inf.inflate(buf);
            if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                throw new AssertionError("bad zlib data");
            }
            out.write(buf, 0, n);
        }
        inf.end();
        return out.toByteArray();
    }

    static SecretBytes decrypt(Vector v) {
        // As age's own harness: the vector says whether the file is armored.
        AgeFile file = AgeFile.parse(v.armored() ? AgeArmor.decode(v.file()) : v.file());
        if (!v.passphrases().isEmpty()) {
            try (Passphrase p = Passphrase.copyOf(v.passphrases().get(0).toCharArray())) {
                return file.decrypt(p);
            }
        }
        List<X25519Identity> ids = v.identities().stream().map(X25519Identity::parse).toList();
        return file.decrypt(ids);
    }

    @TestFactory
    Stream<DynamicTest> everySupportedVectorGivesItsExpectedOutcome() throws Exception {
        return vectors().stream().filter(Vector::supported).map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            if (v.expect().equals("success")) {
                try (SecretBytes plaintext = decrypt(v)) {
                    byte[] hash = MessageDigest.getInstance("SHA-256").digest(plaintext.reveal());
                    assertThat(HexFormat.of().formatHex(hash)).isEqualTo(v.payloadSha256());
                }
                return;
            }
            AgeException.Stage stage = switch (v.expect()) {
                case "header failure" -> AgeException.Stage.HEADER;
                case "HMAC failure" -> AgeException.Stage.HMAC;
                case "payload failure" -> AgeException.Stage.PAYLOAD;
                case "no match" -> AgeException.Stage.NO_MATCH;
                case "armor failure" -> AgeException.Stage.ARMOR;
                default -> throw new AssertionError("unknown expectation " + v.expect());
            };
            try {
                SecretBytes unexpected = decrypt(v);
                unexpected.destroy();
                fail(v.name() + " decrypted but should fail with " + stage);
            } catch (AgeException e) {
                assertThat(e.stage()).as(v.name() + ": " + e.getMessage()).isEqualTo(stage);
                assertThat(e.getMessage()).doesNotContain("\n");
            }
        }));
    }

    @Test
    void theSkipRuleLeavesAllPassphraseAndX25519VectorsIn() throws Exception {
        List<Vector> all = vectors();
        List<Vector> run = all.stream().filter(Vector::supported).toList();
        assertThat(run.stream().filter(v -> v.expect().equals("success") && !v.armored()).count()).isEqualTo(15);
        assertThat(run.stream().filter(v -> !v.passphrases().isEmpty()).count()).isEqualTo(26);
        assertThat(run.stream().filter(Vector::armored).count()).isEqualTo(32);
        // Every skipped vector names an identity type we do not implement (the post-quantum hybrid).
        assertThat(all.stream().filter(v -> !v.supported()))
                .allMatch(v -> v.identities().stream().anyMatch(id -> id.startsWith("AGE-SECRET-KEY-PQ-1")));
    }

    @Test
    void aStrictParseRejectsGarbageBeforeAnyKeyIsNeeded() {
        assertThatThrownBy(() -> AgeFile.parse(new byte[0])).isInstanceOf(AgeException.class).hasMessageContaining("empty");
    }
}
