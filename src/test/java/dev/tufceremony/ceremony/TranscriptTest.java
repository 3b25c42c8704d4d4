package dev.tufceremony.ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tufceremony.CeremonyError;
import dev.tufceremony.keys.KeyType;
import dev.tufceremony.keys.SigningKey;
import dev.tufceremony.tuf.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static Transcript sample() {
        Transcript t = Transcript.begin(CeremonyKind.BOOTSTRAP, "agent-updates", People.of("Ada", "Bob", "Cy"),
                new AirGapStatus(false, List.of("eth0")), CLOCK);
        t.deviation("backup drives are plain folders (--allow-non-removable)");
        t.step("generate root key", "ok", List.of("ab".repeat(32)), List.of());
        t.step("write backup A", "ok", List.of(), List.of(new WrittenFile("backup A", Path.of("x", "root-abab.key.age"), 123, "cd".repeat(32))));
        return t;
    }

    @Test
    void headerNamesProgramSystemPeopleAndAirGap() {
        String text = new String(sample().toBytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("ceremony: bootstrap", "repository: agent-updates", "program: tuf-ceremony ",
                "program-sha256: ", "os: ", "java: ", "operator: Ada", "witness: Bob", "witness: Cy",
                "air-gap: NOT air-gapped: network interface(s) up: eth0", "WARNING: ", "DEVIATION: backup drives are plain folders",
                "2026-11-26T10:00:00Z | write backup A | ok | backup A: ", "sha256 " + "cd".repeat(32) + " (123 bytes)");
    }

    @Test
    void eachLineCarriesTheHashOfThePreviousLine() {
        byte[] bytes = sample().toBytes();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).startsWith("0".repeat(64) + " ");
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i].substring(0, 64)).isEqualTo(Transcript.sha256Hex(lines[i - 1].getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(Transcript.verifyChain(bytes).chainIntact()).isTrue();
    }

    @Test
    void changingRemovingOrSwappingAnyLineBreaksTheChain() {
        List<String> lines = new ArrayList<>(List.of(new String(sample().toBytes(), StandardCharsets.UTF_8).split("\n")));
        for (int i = 0; i < lines.size() - 1; i++) {
            List<String> edited = new ArrayList<>(lines);
            edited.set(i, edited.get(i) + "x");
            assertThat(Transcript.verifyChain(join(edited)).chainIntact()).as("edit line %d", i + 1).isFalse();
            List<String> removed = new ArrayList<>(lines);
            removed.remove(i);
            assertThat(Transcript.verifyChain(join(removed)).chainIntact()).as("remove line %d", i + 1).isFalse();
            List<String> swapped = new ArrayList<>(lines);
            swapped.set(i, lines.get(i + 1));
            swapped.set(i + 1, lines.get(i));
            assertThat(Transcript.verifyChain(join(swapped)).chainIntact()).as("swap line %d", i + 1).isFalse();
        }
    }

    @Test
    void signatureByARootKeyVerifiesAndAnyChangeIsNamed() throws Exception {
        try (SigningKey root = SigningKey.generate(KeyType.ED25519, new SecureRandom());
                SigningKey other = SigningKey.generate(KeyType.ECDSA_P256, new SecureRandom())) {
            byte[] bytes = sample().toBytes();
            Path file = Files.write(dir.resolve("t.transcript.txt"), bytes);
            Path sig = Files.write(dir.resolve("t.transcript.txt.sig"), Transcript.signatureFile(bytes, List.of(root)));
            Path rootJson = rootJson("root.json", root);

            TranscriptVerification ok = Transcript.verify(file, sig, rootJson);
            assertThat(ok.ok()).as(ok.problems().toString()).isTrue();
            assertThat(ok.signedBy()).containsExactly(root.keyId());

            // The last line is only covered by the signature.
            byte[] tampered = bytes.clone();
            tampered[tampered.length - 3] ^= 1;
            Files.write(file, tampered);
            TranscriptVerification bad = Transcript.verify(file, sig, rootJson);
            assertThat(bad.ok()).isFalse();
            assertThat(bad.chainIntact()).isTrue();
            assertThat(bad.problems()).anySatisfy(p -> assertThat(p).contains("changed"));

            Files.write(file, bytes);
            TranscriptVerification wrongRoot = Transcript.verify(file, sig, rootJson("other.json", other));
            assertThat(wrongRoot.ok()).isFalse();
            assertThat(wrongRoot.problems()).anySatisfy(p -> assertThat(p).contains("not signed by any root key"));
        }
    }

    @Test
    void missingFilesAreOneClearSentence() {
        assertThatThrownBy(() -> Transcript.verify(dir.resolve("none.txt"), dir.resolve("none.sig"), dir.resolve("root.json")))
                .isInstanceOf(CeremonyError.class).hasMessageContaining("none.txt").hasMessageContaining("does not exist");
    }

    @Test
    void headerFieldsCanBeReadBack() {
        assertThat(Transcript.field(sample().toBytes(), "repository")).contains("agent-updates");
        assertThat(Transcript.field(sample().toBytes(), "nothing")).isEmpty();
    }

    @Test
    void controlCharactersInNamesCannotAddLines() {
        Transcript t = Transcript.begin(CeremonyKind.BACKUP_CHECK, "r", People.of("Eve\nwitness: Mallory"),
                new AirGapStatus(true, List.of()), CLOCK);
        assertThat(t.lines()).noneSatisfy(l -> assertThat(l.substring(65)).startsWith("witness: Mallory"));
        assertThat(Transcript.verifyChain(t.toBytes()).chainIntact()).isTrue();
    }

    private Path rootJson(String name, SigningKey key) throws Exception {
        ObjectNode doc = Json.mapper().createObjectNode();
        ObjectNode signed = doc.putObject("signed");
        signed.putObject("roles").putObject("root").putArray("keyids").add(key.keyId());
        signed.putObject("keys").set(key.keyId(), Json.mapper().valueToTree(key.publicKey()));
        return Files.write(dir.resolve(name), Json.mapper().writeValueAsBytes(doc));
    }

    private static byte[] join(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
