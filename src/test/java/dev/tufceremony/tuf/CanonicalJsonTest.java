package dev.tufceremony.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Exact bytes of securesystemslib's encode_canonical, worked out from its definition. */
class CanonicalJsonTest {
    private static String canon(String json) throws Exception {
        return new String(CanonicalJson.encode(Json.mapper().readTree(json)), StandardCharsets.UTF_8);
    }

    @Test
    void sortsKeysAndDropsWhitespaceInNestedObjects() throws Exception {
        assertThat(canon("{ \"b\" : [ 3, {\"z\": null, \"a\": true} ], \"a\": {\"y\": false, \"x\": -12} }"))
                .isEqualTo("{\"a\":{\"x\":-12,\"y\":false},\"b\":[3,{\"a\":true,\"z\":null}]}");
    }

    @Test
    void escapesOnlyQuoteAndBackslash() throws Exception {
        // JSON input: quote, backslash, newline, tab, a control char, a slash
        assertThat(CanonicalJson.encode(Json.mapper().readTree("\"q\\\"b\\\\n\\nt\\tc\\u0001s/\"")))
                .isEqualTo(concat("\"q\\\"b\\\\n".getBytes(StandardCharsets.UTF_8),
                        new byte[] {'\n', 't', '\t', 'c', 1, 's', '/', '"'}));
    }

    @Test
    void writesUnicodeAsRawUtf8() throws Exception {
        assertThat(CanonicalJson.encode(Json.mapper().readTree("{\"k\":\"\\u00e9\\u20ac\\ud83d\\ude00\"}")))
                .isEqualTo("{\"k\":\"é€😀\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sortsKeysByCodePointNotUtf16() throws Exception {
        // U+FF61 sorts before U+1F600 by code point, after it by UTF-16 unit (0xD83D < 0xFF61).
        assertThat(canon("{\"\\ud83d\\ude00\":1,\"\\uff61\":2,\"Z\":3,\"a\":4,\"\":5}"))
                .isEqualTo("{\"\":5,\"Z\":3,\"a\":4,\"\uff61\":2,\"\ud83d\ude00\":1}");
    }

    @Test
    void keepsBigIntegersExactAndRefusesFloats() throws Exception {
        assertThat(canon("[123456789012345678901234567890, 0, -1]")).isEqualTo("[123456789012345678901234567890,0,-1]");
        assertThatThrownBy(() -> canon("{\"x\": {\"y\": 1.5}}"))
                .isInstanceOf(CanonicalJsonException.class).hasMessageContaining("$.x.y");
        assertThatThrownBy(() -> canon("[1e3]")).isInstanceOf(CanonicalJsonException.class);
    }

    @Test
    void everyKeyInTheFixturesRecomputesToItsKeyid() throws Exception {
        Path root = Path.of("src/test/resources/fixtures/tuf/good");
        int checked = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith("root.json")).toList()) {
                JsonNode keys = Json.mapper().readTree(f.toFile()).get("signed").get("keys");
                for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    Key key = Json.mapper().treeToValue(e.getValue(), Key.class);
                    assertThat(key.keyId()).as(f + " " + e.getKey()).isEqualTo(e.getKey());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void keyIdIsSha256OfTheCanonicalKeyObject() throws Exception {
        Key key = new Key("ed25519", "ed25519", Map.of("public", "ab".repeat(32)));
        String expectedCanonical = "{\"keytype\":\"ed25519\",\"keyval\":{\"public\":\"" + "ab".repeat(32)
                + "\"},\"scheme\":\"ed25519\"}";
        assertThat(key.keyId()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(expectedCanonical.getBytes(StandardCharsets.UTF_8))));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
