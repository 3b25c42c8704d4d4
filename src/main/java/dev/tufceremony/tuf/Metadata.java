package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tufceremony.CeremonyError;
import dev.tufceremony.keys.Signer;
import dev.tufceremony.keys.SignatureVerifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A metadata file (spec §4.2): the typed "signed" part, the signatures, and unknown top-level fields.
 * Signatures are made and checked over the canonical JSON of "signed" exactly as parsed (or as built),
 * so verification never depends on how this model would re-serialise it. Immutable.
 */
public final class Metadata<T extends Signed> {
    private final T signed;
    private final ObjectNode signedJson;
    private final List<Signature> signatures;
    private final Map<String, JsonNode> unrecognized;
    private volatile byte[] canonicalSigned;
    /** (key, sig hex) to null for valid or the reason it is not; the message is fixed per instance. */
    private final Map<List<Object>, String> checked = new java.util.HashMap<>();

    Metadata(T signed, ObjectNode signedJson, List<Signature> signatures, Map<String, JsonNode> unrecognized) {
        this.signed = Objects.requireNonNull(signed, "signed");
        this.signedJson = Objects.requireNonNull(signedJson, "signedJson");
        Map<String, Signature> byKeyid = new LinkedHashMap<>();
        for (Signature s : signatures) {
            if (byKeyid.put(s.keyid(), s) != null) {
                throw new IllegalArgumentException("two signatures for keyid " + s.keyid());
            }
        }
        this.signatures = List.copyOf(signatures);
        this.unrecognized = Collections2.copyOf(unrecognized);
    }

    /** New metadata for a model object, with no signatures yet. */
    public static <T extends Signed> Metadata<T> unsigned(T signed) {
        return new Metadata<>(signed, signed.toJson(), List.of(), Map.of());
    }

    /** New metadata signed by each signer in turn. */
    public static <T extends Signed> Metadata<T> sign(T signed, List<? extends Signer> signers) {
        Metadata<T> m = unsigned(signed);
        for (Signer s : signers) {
            m = m.withSignatureFrom(s);
        }
        return m;
    }

    public T signed() {
        return signed;
    }

    /** A copy of the "signed" JSON object as parsed or built, including unknown fields. */
    public ObjectNode signedJson() {
        return signedJson.deepCopy();
    }

    public List<Signature> signatures() {
        return signatures;
    }

    public Optional<Signature> signature(String keyid) {
        return signatures.stream().filter(s -> s.keyid().equals(keyid)).findFirst();
    }

    public Map<String, JsonNode> unrecognized() {
        return unrecognized;
    }

    /** The bytes that are signed: OLPC canonical JSON of "signed" (spec §4.2). */
    public byte[] signedBytes() {
        byte[] c = canonicalSigned;
        if (c == null) {
            c = CanonicalJson.encode(signedJson);
            canonicalSigned = c;
        }
        return c.clone();
    }

    /** Hex SHA-256 of {@link #signedBytes()}: what a keyholder is asked to sign, shown to witnesses. */
    public String signedDigest() {
        return Hashes.sha256(signedBytes());
    }

    /** Adds a signature by this signer over the canonical "signed", replacing one by the same keyid. */
    public Metadata<T> withSignatureFrom(Signer signer) {
        byte[] sig = signer.sign(signedBytes());
        return withSignature(Signature.of(signer.keyId(), sig));
    }

    /** Adds (or replaces, for the same keyid) a signature made elsewhere. It is not checked here. */
    public Metadata<T> withSignature(Signature signature) {
        List<Signature> sigs = new ArrayList<>();
        boolean replaced = false;
        for (Signature s : signatures) {
            if (s.keyid().equals(signature.keyid())) {
                sigs.add(signature);
                replaced = true;
            } else {
                sigs.add(s);
            }
        }
        if (!replaced) {
            sigs.add(signature);
        }
        return new Metadata<>(signed, signedJson, sigs, unrecognized);
    }

    public Metadata<T> withoutSignatures() {
        return new Metadata<>(signed, signedJson, List.of(), unrecognized);
    }

    /**
     * Counts the valid signatures by the role's keys (spec §5.3.4, §5.4.2, §5.5.3, §5.6.3).
     * A key counts only if its keyid is the hash of the key itself (spec §4.2), so a file cannot
     * borrow another key's id.
     *
     * @param roleName name for the result
     * @param role     keyids and threshold
     * @param keys     keyid to key, from the delegating metadata
     */
    public ThresholdResult verify(String roleName, Role role, Function<String, Key> keys) {
        List<String> ok = new ArrayList<>();
        Map<String, String> rejected = new LinkedHashMap<>();
        List<String> unsigned = new ArrayList<>();
        byte[] message = null;
        for (String keyid : role.keyids()) {
            Optional<Signature> sig = signature(keyid);
            if (sig.isEmpty()) {
                unsigned.add(keyid);
                continue;
            }
            Key key = keys.apply(keyid);
            if (key == null) {
                rejected.put(keyid, "the key is not listed");
                continue;
            }
            if (!keyid.equals(key.keyId())) {
                rejected.put(keyid, "the keyid is not the SHA-256 of the key object (spec §4.2)");
                continue;
            }
            if (message == null) {
                try {
                    message = signedBytes();
                } catch (CeremonyError e) {
                    rejected.put(keyid, "\"signed\" has no canonical form: " + e.getMessage());
                    continue;
                }
            }
            String reason = checkOnce(key, message, sig.get());
            if (reason == null) {
                ok.add(keyid);
            } else {
                rejected.put(keyid, reason);
            }
        }
        return new ThresholdResult(roleName, role.threshold(), ok, rejected, unsigned);
    }

    /** Convenience: a top-level role's threshold against the keys of a root. */
    public ThresholdResult verify(String roleName, Root root) {
        return verify(roleName, root.role(roleName), id -> root.keys().get(id));
    }

    /** A root step checks the same signature for the old and the new root role when a key is kept. */
    private String checkOnce(Key key, byte[] message, Signature signature) {
        List<Object> memoKey = List.of(key, signature.sig());
        synchronized (checked) {
            if (checked.containsKey(memoKey)) {
                return checked.get(memoKey);
            }
        }
        String reason = check(key, message, signature);
        synchronized (checked) {
            checked.put(memoKey, reason);
        }
        return reason;
    }

    private static String check(Key key, byte[] message, Signature signature) {
        byte[] sig = signature.sigBytes();
        if ("ed25519".equals(key.keytype()) && sig.length != 64) {
            return "the signature is " + sig.length + " bytes long; an ed25519 signature is 64";
        }
        try {
            return SignatureVerifier.verify(key, message, sig) ? null : "the signature does not verify";
        } catch (CeremonyError e) {
            return "the key cannot be used: " + e.getMessage();
        } catch (RuntimeException e) {
            // A malformed key object from a file must be a reported rule, never a crash.
            return "the key cannot be used (" + e.getClass().getSimpleName() + ")";
        }
    }
}
