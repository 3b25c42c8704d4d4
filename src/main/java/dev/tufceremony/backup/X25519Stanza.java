package dev.tufceremony.backup;

import dev.tufceremony.CeremonyError;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The X25519 recipient stanza (age v1, "The X25519 recipient type"): {@code -> X25519 <base64
 * ephemeral share>}, body = ChaCha20-Poly1305 of the file key under HKDF-SHA-256(shared secret,
 * salt = share || recipient, info = "age-encryption.org/v1/X25519").
 */
final class X25519Stanza {
    static final String TYPE = "X25519";
    private static final String LABEL = "age-encryption.org/v1/X25519";

    private X25519Stanza() {
    }

    static Stanza wrap(byte[] fileKey, X25519Recipient recipient, SecureRandom random) {
        byte[] ephemeral = new byte[X25519.SCALAR_SIZE];
        random.nextBytes(ephemeral);
        byte[] share = new byte[X25519.POINT_SIZE];
        byte[] shared = new byte[X25519.POINT_SIZE];
        byte[] wrapKey = null;
        try {
            X25519.generatePublicKey(ephemeral, 0, share, 0);
            if (!X25519.calculateAgreement(ephemeral, 0, recipient.publicKeyView(), 0, shared, 0)) {
                throw new CeremonyError("The age recipient " + recipient.encode() + " is not a usable X25519 public key: ask its owner for the output of 'age-keygen -y'.");
            }
            wrapKey = AgeCrypto.hkdf(shared, concat(share, recipient.publicKeyView()), LABEL, 32);
            byte[] body = AgeCrypto.seal(wrapKey, new byte[12], fileKey, 0, fileKey.length);
            return new Stanza(TYPE, List.of(AgeBase64.encode(share)), body);
        } finally {
            Arrays.fill(ephemeral, (byte) 0);
            Arrays.fill(shared, (byte) 0);
            if (wrapKey != null) {
                Arrays.fill(wrapKey, (byte) 0);
            }
        }
    }

    /** The file key, or null if this stanza is not for {@code identity}. */
    static byte[] unwrap(Stanza stanza, X25519Identity identity) {
        if (stanza.args().size() != 1) {
            throw AgeException.header("An X25519 stanza must have exactly one argument, the ephemeral share.");
        }
        byte[] share = AgeBase64.decode(stanza.args().get(0));
        if (share == null || share.length != X25519.POINT_SIZE) {
            throw AgeException.header("An X25519 stanza's share is not 32 bytes of canonical base64.");
        }
        if (stanza.bodyView().length != ScryptStanza.FILE_KEY_SIZE + AgeCrypto.TAG_SIZE) {
            throw AgeException.header("An X25519 stanza's body is not a wrapped 16-byte file key.");
        }
        byte[] shared = identity.agree(share);
        if (shared == null) {
            throw AgeException.header("An X25519 stanza's share is a low-order point (all-zero shared secret), which age forbids.");
        }
        byte[] wrapKey = AgeCrypto.hkdf(shared, concat(share, identity.recipient().publicKeyView()), LABEL, 32);
        Arrays.fill(shared, (byte) 0);
        try {
            return AgeCrypto.open(wrapKey, new byte[12], stanza.bodyView(), 0, stanza.bodyView().length);
        } finally {
            Arrays.fill(wrapKey, (byte) 0);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
