package dev.tufceremony.tuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Changes every value (and every member name) inside "signed" of every metadata file of each good
 * fixture, one at a time, and checks that the repository then fails to verify.
 */
class MutationTest {
    static Stream<Path> good() {
        return Fixtures.repos("good").stream();
    }

    /** A path to one member name or leaf value, and whether to rename the member instead of changing the value. */
    private record Mutation(List<Object> path, boolean rename) {
        String describe() {
            return (rename ? "rename " : "change ") + path;
        }
    }

    @ParameterizedTest
    @MethodSource("good")
    void changingAnythingSignedMakesVerificationFail(Path fixture, @TempDir Path dir) throws IOException {
        copy(fixture, dir);
        assertThat(RepositoryVerifierTest.VERIFIER.verify(dir).ok()).isTrue();
        int mutations = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("metadata"))) {
            files = s.sorted().toList();
        }
        for (Path file : files) {
            byte[] original = Files.readAllBytes(file);
            ObjectNode tree = (ObjectNode) Json.mapper().readTree(original);
            List<Mutation> all = new ArrayList<>();
            collect(tree.get("signed"), new ArrayList<>(List.of("signed")), all);
            assertThat(all).hasSizeGreaterThan(10);
            for (Mutation m : all) {
                ObjectNode mutated = tree.deepCopy();
                apply(mutated, m);
                assertThat(mutated).isNotEqualTo(tree);
                Files.write(file, Json.mapper().writeValueAsBytes(mutated));
                VerificationReport report = RepositoryVerifierTest.VERIFIER.verify(dir);
                assertThat(report.ok()).as(fixture.getFileName() + " " + file.getFileName() + ": " + m.describe()).isFalse();
                mutations++;
            }
            Files.write(file, original);
        }
        assertThat(RepositoryVerifierTest.VERIFIER.verify(dir).ok()).isTrue();
        assertThat(mutations).isGreaterThan(100);
    }

    private static void collect(JsonNode node, List<Object> path, List<Mutation> out) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                List<Object> child = append(path, name);
                out.add(new Mutation(child, true));
                collect(node.get(name), child, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), append(path, i), out);
            }
        } else {
            out.add(new Mutation(path, false));
        }
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> p = new ArrayList<>(path);
        p.add(step);
        return p;
    }

    private static void apply(ObjectNode root, Mutation m) {
        JsonNode parent = root;
        for (Object step : m.path().subList(0, m.path().size() - 1)) {
            parent = step instanceof String s ? parent.get(s) : parent.get((Integer) step);
        }
        Object last = m.path().get(m.path().size() - 1);
        if (m.rename()) {
            ObjectNode obj = (ObjectNode) parent;
            JsonNode value = obj.remove((String) last);
            obj.set(alter((String) last), value);
        } else if (parent instanceof ObjectNode obj) {
            obj.set((String) last, alter(obj.get((String) last)));
        } else {
            ((ArrayNode) parent).set((Integer) last, alter(parent.get((Integer) last)));
        }
    }

    private static JsonNode alter(JsonNode leaf) {
        if (leaf.isBoolean()) {
            return BooleanNode.valueOf(!leaf.booleanValue());
        } else if (leaf.isIntegralNumber()) {
            return JsonNodeFactory.instance.numberNode(leaf.bigIntegerValue().add(BigInteger.ONE));
        } else if (leaf.isTextual()) {
            return TextNode.valueOf(alter(leaf.textValue()));
        } else if (leaf.isNull()) {
            return JsonNodeFactory.instance.numberNode(0);
        }
        throw new IllegalArgumentException("unexpected leaf " + leaf);
    }

    /** Hex strings get one bit flipped (still hex); other strings get their last character changed. */
    private static String alter(String s) {
        if (s.isEmpty()) {
            return "x";
        }
        if (s.matches("[0-9a-f]+")) {
            int last = Character.digit(s.charAt(s.length() - 1), 16) ^ 1;
            return s.substring(0, s.length() - 1) + Character.forDigit(last, 16);
        }
        char c = s.charAt(s.length() - 1);
        return s.substring(0, s.length() - 1) + (char) (c == 'x' ? 'y' : c ^ 1);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
