package dev.tufceremony.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MetadataCodecTest {
    static Stream<Path> fixtureFiles() {
        return Fixtures.allMetadataFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("fixtureFiles")
    void writesEveryFixtureBackByteForByteAsPythonTufDid(Path file) {
        byte[] original = Fixtures.bytes(file);
        Metadata<? extends Signed> m = MetadataCodec.readAny(original, Fixtures.name(file));
        // python-tuf writes no final newline; we add one.
        assertThat(new String(MetadataCodec.write(m), StandardCharsets.UTF_8))
                .isEqualTo(new String(original, StandardCharsets.UTF_8) + "\n");
    }

    @ParameterizedTest
    @MethodSource("fixtureFiles")
    void theModelRebuildsExactlyTheSignedObjectItWasReadFrom(Path file) {
        Metadata<? extends Signed> m = MetadataCodec.readAny(Fixtures.bytes(file), Fixtures.name(file));
        assertThat(m.signed().toJson()).isEqualTo(m.signedJson());
        assertThat(m.signed().type()).isEqualTo(m.signedJson().get("_type").textValue());
    }

    @Test
    void readsTheFieldsOfARotationRoot() {
        Path file = Fixtures.repo("good/rotation-ed25519").resolve("metadata/2.root.json");
        Metadata<Root> m = MetadataCodec.readFile(file, Root.class, "2.root.json");
        Root root = m.signed();
        assertThat(root.version()).isEqualTo(2);
        assertThat(root.specVersion()).isEqualTo("1.0.31");
        assertThat(root.expires()).isEqualTo(Instant.parse("2027-11-26T11:36:04Z"));
        assertThat(root.keys()).hasSize(4);
        assertThat(root.roles().keySet()).containsExactlyInAnyOrder("root", "targets", "snapshot", "timestamp");
        assertThat(root.role("root").threshold()).isEqualTo(1);
        assertThat(m.signatures()).hasSize(2);
        assertThat(root.keysOf("root")).hasSize(1);
    }

    @Test
    void keepsUnknownFieldsAtEveryLevelThroughARoundTrip() throws IOException {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(Fixtures.bytes(
                Fixtures.repo("good/bootstrap-ed25519").resolve("metadata/targets.json")));
        tree.put("x-top", "t");
        ((ObjectNode) tree.get("signatures").get(0)).put("x-sig", 1);
        ObjectNode signed = (ObjectNode) tree.get("signed");
        signed.putObject("x-signed").put("nested", true);
        ((ObjectNode) signed.get("targets").get("hello.txt")).putObject("custom").put("app", "agent");
        byte[] bytes = Json.mapper().writeValueAsBytes(tree);

        Metadata<Targets> m = MetadataCodec.read(bytes, Targets.class, "targets.json");
        assertThat(m.unrecognized()).containsKey("x-top");
        assertThat(m.signatures().get(0).unrecognized()).containsKey("x-sig");
        assertThat(m.signed().unrecognized()).containsKey("x-signed");
        assertThat(m.signed().targets().get("hello.txt").unrecognized()).containsKey("custom");

        JsonNode expected = Json.mapper().readTree(bytes);
        assertThat(Json.mapper().readTree(MetadataCodec.write(m))).isEqualTo(expected);
        // Rebuilding "signed" from the model keeps them too.
        assertThat(m.signed().toJson()).isEqualTo(expected.get("signed"));
    }

    @Test
    void keepsUnknownFieldsOfRolesKeysAndMetaEntries() throws IOException {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(Fixtures.bytes(
                Fixtures.repo("good/bootstrap-ed25519").resolve("metadata/root.json")));
        ObjectNode signed = (ObjectNode) tree.get("signed");
        ((ObjectNode) signed.get("roles").get("root")).put("x-role", "r");
        String keyid = signed.get("keys").fieldNames().next();
        ((ObjectNode) signed.get("keys").get(keyid)).put("x-key", "k");
        Metadata<Root> m = MetadataCodec.read(Json.mapper().writeValueAsBytes(tree), Root.class, "root.json");
        assertThat(m.signed().role("root").unrecognized()).containsKey("x-role");
        assertThat(m.signed().toJson()).isEqualTo(signed);
        assertThat(Json.mapper().readTree(MetadataCodec.write(m))).isEqualTo(tree);
    }

    @Test
    void delegationsAreReadAndWrittenAsData() throws IOException {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(Fixtures.bytes(
                Fixtures.repo("good/bootstrap-ed25519").resolve("metadata/targets.json")));
        ObjectNode signed = (ObjectNode) tree.get("signed");
        ObjectNode root = (ObjectNode) Json.mapper().readTree(Fixtures.bytes(
                Fixtures.repo("good/bootstrap-ed25519").resolve("metadata/root.json"))).get("signed");
        String keyid = root.get("roles").get("targets").get("keyids").get(0).textValue();
        ObjectNode d = signed.putObject("delegations");
        d.putObject("keys").set(keyid, root.get("keys").get(keyid));
        ObjectNode role = d.putArray("roles").addObject();
        role.put("name", "releases");
        role.putArray("keyids").add(keyid);
        role.put("threshold", 1);
        role.put("terminating", true);
        role.putArray("paths").add("releases/*");
        byte[] bytes = Json.mapper().writeValueAsBytes(tree);
        Metadata<Targets> m = MetadataCodec.read(bytes, Targets.class, "targets.json");
        DelegatedRole r = m.signed().delegations().orElseThrow().roles().get(0);
        assertThat(r.name()).isEqualTo("releases");
        assertThat(r.paths()).contains(List.of("releases/*"));
        assertThat(r.terminating()).isTrue();
        assertThat(m.signed().toJson()).isEqualTo(Json.mapper().readTree(bytes).get("signed"));
    }

    // --- bad input ---------------------------------------------------------------------------

    private static ObjectNode goodRoot() {
        try {
            return (ObjectNode) Json.mapper().readTree(Fixtures.bytes(
                    Fixtures.repo("good/rotation-ed25519").resolve("metadata/2.root.json")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRootRejected(Consumer<ObjectNode> change, String... messageParts) {
        ObjectNode tree = goodRoot();
        change.accept(tree);
        byte[] bytes;
        try {
            bytes = Json.mapper().writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThatThrownBy(() -> MetadataCodec.read(bytes, Root.class, "2.root.json"))
                .isInstanceOf(MetadataFormatException.class)
                .hasMessageStartingWith("2.root.json: ")
                .hasMessageContainingAll(messageParts);
    }

    private static ObjectNode signed(ObjectNode tree) {
        return (ObjectNode) tree.get("signed");
    }

    @Test
    void refusesMalformedJsonWithTheFileAndPosition() {
        byte[] bytes = "{\"signatures\": [,]}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MetadataCodec.readAny(bytes, "timestamp.json"))
                .isInstanceOf(MetadataFormatException.class)
                .hasMessageStartingWith("timestamp.json: is not valid JSON at line 1, column ");
        assertThatThrownBy(() -> MetadataCodec.readAny(new byte[0], "timestamp.json"))
                .isInstanceOf(MetadataFormatException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> MetadataCodec.readAny("{} {}".getBytes(StandardCharsets.UTF_8), "x.json"))
                .isInstanceOf(MetadataFormatException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> MetadataCodec.readAny("[1]".getBytes(StandardCharsets.UTF_8), "x.json"))
                .isInstanceOf(MetadataFormatException.class).hasMessage("x.json: $ must be a JSON object, found an array");
    }

    @Test
    void refusesDuplicateJsonKeys() {
        byte[] bytes = "{\"signatures\": [], \"signatures\": []}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MetadataCodec.readAny(bytes, "x.json"))
                .isInstanceOf(MetadataFormatException.class).hasMessageContaining("Duplicate field 'signatures'");
    }

    @Test
    void refusesWrongTypesNamingTheJsonPath() {
        assertRootRejected(t -> signed(t).put("version", "2"), "$.signed.version must be an integer, found a string");
        assertRootRejected(t -> signed(t).put("version", 2.0), "$.signed.version must be an integer");
        assertRootRejected(t -> signed(t).put("version", 0), "$.signed.version must be at least 1");
        assertRootRejected(t -> signed(t).put("consistent_snapshot", "yes"), "$.signed.consistent_snapshot must be true or false");
        assertRootRejected(t -> ((ObjectNode) signed(t).get("roles").get("root")).put("threshold", 0),
                "$.signed.roles.root.threshold must be at least 1");
        assertRootRejected(t -> ((ObjectNode) signed(t).get("roles").get("root")).put("keyids", "abc"),
                "$.signed.roles.root.keyids must be a JSON array");
        assertRootRejected(t -> t.put("signatures", "none"), "$.signatures must be a JSON array");
        assertRootRejected(t -> ((ObjectNode) t.get("signatures").get(0)).put("sig", 7), "$.signatures[0].sig must be a string");
        assertRootRejected(t -> ((ObjectNode) t.get("signatures").get(0)).put("sig", "xyz"), "$.signatures[0].sig must be an even number of hex digits");
        assertRootRejected(t -> signed(t).put("expires", "2027-11-26T11:36:04.5Z"), "$.signed.expires must be a UTC time");
        assertRootRejected(t -> signed(t).put("expires", "2027-13-26T11:36:04Z"), "$.signed.expires must be a UTC time");
        assertRootRejected(t -> signed(t).put("spec_version", "2.0.0"), "$.signed.spec_version is 2.0.0");
        assertRootRejected(t -> signed(t).put("_type", "targets"), "$.signed._type is \"targets\" but this file must hold root metadata");
    }

    @Test
    void refusesMissingFields() {
        assertRootRejected(t -> t.remove("signed"), "$ is missing the required field \"signed\"");
        assertRootRejected(t -> signed(t).remove("expires"), "$.signed is missing the required field \"expires\"");
        assertRootRejected(t -> signed(t).remove("keys"), "$.signed is missing the required field \"keys\"");
        assertRootRejected(t -> ((ObjectNode) signed(t).get("roles")).remove("timestamp"), "$.signed.roles is missing the role \"timestamp\"");
        assertRootRejected(t -> ((ObjectNode) signed(t).get("keys")).removeAll(), "not in keys");
        assertRootRejected(t -> ((ObjectNode) signed(t).get("roles")).set("mirrors", signed(t).get("roles").get("root")),
                "$.signed.roles.mirrors is not a top-level role");
    }

    @Test
    void refusesTwoSignaturesByTheSameKeyid() {
        assertRootRejected(t -> ((com.fasterxml.jackson.databind.node.ArrayNode) t.get("signatures")).add(t.get("signatures").get(0).deepCopy()),
                "$.signatures[2] is a second signature by keyid");
    }

    @Test
    void refusesAFileOver16MiBBeforeParsingIt(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("snapshot.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(MetadataCodec.MAX_METADATA_BYTES + 1);
        }
        assertThatThrownBy(() -> MetadataCodec.readFile(big, Snapshot.class, "metadata/snapshot.json"))
                .isInstanceOf(MetadataFormatException.class)
                .hasMessageStartingWith("metadata/snapshot.json: is 16777217 bytes, larger than");
        assertThatThrownBy(() -> MetadataCodec.readFile(dir.resolve("nope.json"), Snapshot.class, "metadata/nope.json"))
                .isInstanceOf(MetadataFormatException.class).hasMessage("metadata/nope.json: does not exist");
        assertThat(Files.exists(big)).isTrue();
    }
}
