package dev.tufceremony.keys;

import dev.tufceremony.tuf.Key;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * TUF public-key encodings (DESIGN §4): ed25519 as 64 hex characters, ECDSA and RSA as
 * SubjectPublicKeyInfo PEM — the layout python-tuf and go-tuf write.
 */
public final class PublicKeys {
    private static final String SPKI_LABEL = "PUBLIC KEY";

    private PublicKeys() {
    }

    /** A TUF key object from a SubjectPublicKeyInfo PEM, as {@code openssl pkey -pubout} or a cloud KMS prints it. */
    public static Key fromSpkiPem(String pem) {
        byte[] der = Pem.decode(SPKI_LABEL, pem.getBytes(StandardCharsets.US_ASCII));
        if (der == null) {
            throw new KeyFormatException("The text is not a public key PEM (no readable 'BEGIN PUBLIC KEY' block).");
        }
        AsymmetricKeyParameter params;
        try {
            params = PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(der));
        } catch (IOException | RuntimeException e) {
            throw new KeyFormatException("The public key PEM could not be parsed (damaged or of an unknown algorithm).", e);
        }
        if (params instanceof Ed25519PublicKeyParameters) {
            return toTufKey(KeyType.ED25519, params);
        }
        if (params instanceof ECPublicKeyParameters ec) {
            if (!(ec.getParameters() instanceof ECNamedDomainParameters named)
                    || !SECObjectIdentifiers.secp256r1.equals(named.getName())) {
                throw new KeyFormatException("The EC public key is not on curve P-256, the only ECDSA curve supported.");
            }
            return toTufKey(KeyType.ECDSA_P256, params);
        }
        if (params instanceof RSAKeyParameters rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new KeyFormatException("The RSA public key has " + rsa.getModulus().bitLength()
                        + " bits; TUF clients need at least 2048.");
            }
            return toTufKey(KeyType.RSA_PSS, params);
        }
        throw new KeyFormatException("The public key's algorithm is not supported; use ed25519, ECDSA P-256 or RSA.");
    }

    /** The SubjectPublicKeyInfo PEM of a TUF key object (for RECOVERY.txt and comparison with openssl). */
    public static String toSpkiPem(Key key) {
        return new String(Pem.encode(SPKI_LABEL, spkiDer(key)), StandardCharsets.US_ASCII);
    }

    static byte[] spkiDer(Key key) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(parameters(key)).getEncoded();
        } catch (IOException e) {
            throw new KeyFormatException("The public key of " + key.keyId() + " could not be encoded.", e);
        }
    }

    static Key toTufKey(KeyType type, AsymmetricKeyParameter publicParams) {
        String value;
        try {
            value = switch (type) {
                case ED25519 -> HexFormat.of().formatHex(((Ed25519PublicKeyParameters) publicParams).getEncoded());
                case ECDSA_P256, RSA_PSS -> new String(Pem.encode(SPKI_LABEL,
                        SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicParams).getEncoded()),
                        StandardCharsets.US_ASCII);
            };
        } catch (IOException e) {
            throw new IllegalStateException("encoding a public key failed", e);
        }
        return new Key(type.tufKeytype(), type.scheme(), SigningKey.keyval(value));
    }

    /** Bouncy Castle parameters for a TUF key object; the key must match its declared type. */
    static AsymmetricKeyParameter parameters(Key key) {
        KeyType type = KeyType.of(key);
        String value = key.keyval().get("public");
        if (value == null) {
            throw new KeyFormatException("The key " + shortId(key) + " has no keyval.public.");
        }
        if (type == KeyType.ED25519) {
            if (!value.matches("[0-9a-f]{64}")) {
                throw new KeyFormatException("The ed25519 key " + shortId(key)
                        + " must have keyval.public as 64 lowercase hex characters.");
            }
            return new Ed25519PublicKeyParameters(HexFormat.of().parseHex(value));
        }
        byte[] der = Pem.decode(SPKI_LABEL, value.getBytes(StandardCharsets.US_ASCII));
        if (der == null) {
            throw new KeyFormatException("The key " + shortId(key) + " has no SubjectPublicKeyInfo PEM in keyval.public.");
        }
        AsymmetricKeyParameter params;
        try {
            params = PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(der));
        } catch (IOException | RuntimeException e) {
            throw new KeyFormatException("The public key PEM of " + shortId(key) + " could not be parsed.", e);
        }
        boolean matches = type == KeyType.ECDSA_P256
                ? params instanceof ECPublicKeyParameters ec && ec.getParameters() instanceof ECNamedDomainParameters n
                        && SECObjectIdentifiers.secp256r1.equals(n.getName())
                : params instanceof RSAKeyParameters rsa && !rsa.isPrivate() && rsa.getModulus().bitLength() >= 2048;
        if (!matches) {
            throw new KeyFormatException("The public key of " + shortId(key) + " does not match its keytype '"
                    + key.keytype() + "' (ECDSA must be P-256, RSA at least 2048 bits).");
        }
        return params;
    }

    private static String shortId(Key key) {
        return key.keyId().substring(0, 16);
    }
}
