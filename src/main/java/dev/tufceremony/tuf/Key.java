package dev.tufceremony.tuf;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A TUF public key object (spec §4.2 KEY): keytype, scheme, keyval, plus any fields this program
 * does not know, kept so a round trip does not change what was signed.
 */
@JsonPropertyOrder({"keytype", "scheme", "keyval"})
public final class Key {
    private final String keytype;
    private final String scheme;
    private final Map<String, String> keyval;
    private final Map<String, Object> unrecognized = new LinkedHashMap<>();
    /** Computed once: root chains list the same keys again and again. */
    private volatile String keyId;

    public Key(String keytype, String scheme, Map<String, String> keyval) {
        this.keytype = Objects.requireNonNull(keytype, "keytype");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.keyval = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(keyval, "keyval")));
    }

    @JsonCreator
    static Key fromJson(@JsonProperty(value = "keytype", required = true) String keytype,
                        @JsonProperty(value = "scheme", required = true) String scheme,
                        @JsonProperty(value = "keyval", required = true) Map<String, String> keyval) {
        return new Key(keytype, scheme, keyval);
    }

    @JsonProperty("keytype")
    public String keytype() {
        return keytype;
    }

    @JsonProperty("scheme")
    public String scheme() {
        return scheme;
    }

    @JsonProperty("keyval")
    public Map<String, String> keyval() {
        return keyval;
    }

    @JsonAnyGetter
    public Map<String, Object> unrecognized() {
        return Collections.unmodifiableMap(unrecognized);
    }

    @JsonAnySetter
    void putUnrecognized(String name, Object value) {
        unrecognized.put(name, value);
    }

    /** keyid = hex SHA-256 of the canonical JSON of {keytype, scheme, keyval} (DESIGN §4). */
    @JsonIgnore
    public String keyId() {
        String id = keyId;
        if (id == null) {
            id = computeKeyId();
            keyId = id;
        }
        return id;
    }

    private String computeKeyId() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("keytype", keytype);
        node.put("scheme", scheme);
        ObjectNode val = node.putObject("keyval");
        keyval.forEach(val::put);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CanonicalJson.encode(node)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key k && keytype.equals(k.keytype) && scheme.equals(k.scheme)
                && keyval.equals(k.keyval) && unrecognized.equals(k.unrecognized);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keytype, scheme, keyval);
    }

    @Override
    public String toString() {
        return "Key[" + keytype + "/" + scheme + " " + keyId().substring(0, 16) + "]";
    }
}
