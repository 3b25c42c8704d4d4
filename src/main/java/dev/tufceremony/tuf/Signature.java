package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** One entry of "signatures" (spec §4.2): the keyid and the hex signature over canonical "signed". */
public final class Signature {
    private static final Pattern HEX = Pattern.compile("([0-9a-fA-F]{2})*");

    private final String keyid;
    private final String sig;
    private final Map<String, JsonNode> unrecognized;

    public Signature(String keyid, String sig) {
        this(keyid, sig, Map.of());
    }

    public Signature(String keyid, String sig, Map<String, JsonNode> unrecognized) {
        this.keyid = Objects.requireNonNull(keyid, "keyid");
        this.sig = Objects.requireNonNull(sig, "sig");
        if (!HEX.matcher(sig).matches()) {
            throw new IllegalArgumentException("sig must be hex");
        }
        this.unrecognized = Collections2.copyOf(unrecognized);
    }

    public static Signature of(String keyid, byte[] signature) {
        return new Signature(keyid, HexFormat.of().formatHex(signature));
    }

    public String keyid() {
        return keyid;
    }

    /** The signature as hex, as written. */
    public String sig() {
        return sig;
    }

    public byte[] sigBytes() {
        return HexFormat.of().parseHex(sig);
    }

    public Map<String, JsonNode> unrecognized() {
        return unrecognized;
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        unrecognized.forEach((k, v) -> node.set(k, v.deepCopy()));
        node.put("keyid", keyid);
        node.put("sig", sig);
        return node;
    }

    static Signature fromJson(JsonFields f) {
        String keyid = f.string("keyid");
        String sig = f.string("sig");
        if (!HEX.matcher(sig).matches()) {
            throw f.error("sig", "must be an even number of hex digits");
        }
        return new Signature(keyid, sig, f.unrecognized());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && s.keyid.equals(keyid) && s.sig.equals(sig) && s.unrecognized.equals(unrecognized);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyid, sig);
    }

    @Override
    public String toString() {
        return "Signature[keyid=" + keyid + "]";
    }
}
