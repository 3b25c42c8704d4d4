package dev.tufceremony.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tufceremony.tuf.Json;
import dev.tufceremony.tuf.Key;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;

/**
 * The public sidecar {@code <role>-<keyid16>.pub.json} written next to an encrypted key (DESIGN §4):
 * the TUF key object, its keyid and type, when it was made (UTC), the file format and work factor.
 * Nothing in it is secret; it lets anyone check which key a file should hold without decrypting.
 */
public record KeySidecar(Key key, String keyId, String keyType, Instant created, String format,
        OptionalInt workFactor, String repository, String role) {

    /** The root backup format: age v1, one scrypt recipient, PKCS#8 PEM inside. */
    public static final String FORMAT_SCRYPT = "age-v1-scrypt/pkcs8-pem";
    /** Online keys exported to a team's age public key. */
    public static final String FORMAT_X25519 = "age-v1-x25519/pkcs8-pem";

    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ISO_INSTANT;

    byte[] toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("repository", repository);
        node.put("role", role);
        node.put("keyid", keyId);
        node.put("keytype", keyType);
        node.set("key", Json.mapper().valueToTree(key));
        node.put("created", UTC_SECONDS.format(created.truncatedTo(ChronoUnit.SECONDS)));
        node.put("format", format);
        if (workFactor.isPresent()) {
            node.put("work_factor", workFactor.getAsInt());
        }
        try {
            return (Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a sidecar; throws IllegalArgumentException with a reason if it is not one. */
    static KeySidecar parse(byte[] json) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("it is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("it is not a JSON object");
        }
        Key key;
        try {
            key = Json.mapper().treeToValue(node.get("key"), Key.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("its 'key' is not a TUF key object");
        }
        if (key == null) {
            throw new IllegalArgumentException("it has no 'key'");
        }
        String keyId = text(node, "keyid");
        if (!keyId.equals(key.keyId())) {
            throw new IllegalArgumentException("its 'keyid' is not the keyid of its 'key'");
        }
        Instant created;
        try {
            created = Instant.parse(text(node, "created"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("its 'created' is not a UTC timestamp");
        }
        JsonNode wf = node.get("work_factor");
        OptionalInt workFactor = wf != null && wf.canConvertToInt() ? OptionalInt.of(wf.intValue()) : OptionalInt.empty();
        return new KeySidecar(key, keyId, text(node, "keytype"), created, text(node, "format"), workFactor,
                text(node, "repository"), text(node, "role"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("its '" + field + "' is missing or not a string");
        }
        return v.asText();
    }
}
