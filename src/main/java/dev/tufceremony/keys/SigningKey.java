package dev.tufceremony.keys;

import dev.tufceremony.tuf.Key;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import javax.security.auth.Destroyable;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * A private key held in memory for the length of a ceremony. The PKCS#8 encoding lives in one
 * byte[] that {@link #destroy()} zeroes. Bouncy Castle's key parameter objects keep BigIntegers that
 * Java cannot wipe; they are dropped on destroy so they become unreachable as early as possible.
 */
public final class SigningKey implements Signer, Destroyable, AutoCloseable {
    static final int RSA_BITS = 3072;
    static final int RSA_PSS_SALT = 32;
    private static final String PKCS8_LABEL = "PRIVATE KEY";

    private final KeyType type;
    private final Key publicKey;
    private final byte[] pkcs8;
    private AsymmetricKeyParameter privateParams;
    private final SecureRandom random;
    private boolean destroyed;

    private SigningKey(KeyType type, byte[] pkcs8, AsymmetricKeyParameter privateParams, Key publicKey) {
        this.type = type;
        this.pkcs8 = pkcs8;
        this.privateParams = privateParams;
        this.publicKey = publicKey;
        this.random = new SecureRandom();
    }

    /** A new key from a strong random source (RSA keys are 3072 bits, DESIGN §4). */
    public static SigningKey generate(KeyType type, SecureRandom random) {
        AsymmetricCipherKeyPair pair = switch (type) {
            case ED25519 -> {
                Ed25519KeyPairGenerator g = new Ed25519KeyPairGenerator();
                g.init(new Ed25519KeyGenerationParameters(random));
                yield g.generateKeyPair();
            }
            case ECDSA_P256 -> {
                ECKeyPairGenerator g = new ECKeyPairGenerator();
                g.init(new ECKeyGenerationParameters(p256(), random));
                yield g.generateKeyPair();
            }
            case RSA_PSS -> {
                RSAKeyPairGenerator g = new RSAKeyPairGenerator();
                g.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), random, RSA_BITS, 128));
                yield g.generateKeyPair();
            }
        };
        try {
            byte[] der = pkcs8Der(pair.getPrivate());
            return new SigningKey(type, der, pair.getPrivate(), PublicKeys.toTufKey(type, pair.getPublic()));
        } catch (IOException e) {
            throw new IllegalStateException("encoding a freshly generated key failed", e);
        }
    }

    /**
     * PKCS#8 v1 (RFC 5208). For Ed25519, Bouncy Castle would write the v2 form with the public key
     * attached, which OpenSSL 3.0's {@code openssl pkey} cannot read: recovery with stock tools
     * (RECOVERY.txt) depends on v1.
     */
    private static byte[] pkcs8Der(AsymmetricKeyParameter privateKey) throws IOException {
        if (privateKey instanceof Ed25519PrivateKeyParameters ed) {
            byte[] seed = ed.getEncoded();
            try {
                return new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                        new DEROctetString(seed)).getEncoded();
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        }
        return PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded();
    }

    /**
     * Reads an unencrypted PKCS#8 PEM ("BEGIN PRIVATE KEY", as {@code openssl pkey} writes it). The
     * caller's array is neither kept nor wiped.
     */
    public static SigningKey fromPkcs8Pem(byte[] pemAscii) {
        if (Pem.contains(pemAscii, "ENCRYPTED PRIVATE KEY")) {
            throw new KeyFormatException("The key is an encrypted PKCS#8 PEM; this program expects the unencrypted"
                    + " PKCS#8 PEM that an age backup holds.");
        }
        byte[] der = Pem.decode(PKCS8_LABEL, pemAscii);
        if (der == null) {
            throw new KeyFormatException("The key is not a PKCS#8 PEM (no readable 'BEGIN PRIVATE KEY' block).");
        }
        try {
            AsymmetricKeyParameter params;
            try {
                params = PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(der));
            } catch (IOException | RuntimeException e) {
                // No cause attached: parser messages could echo key bytes.
                throw new KeyFormatException("The PKCS#8 key could not be parsed (damaged or not a private key).");
            }
            KeyType type;
            AsymmetricKeyParameter publicParams;
            if (params instanceof Ed25519PrivateKeyParameters ed) {
                type = KeyType.ED25519;
                publicParams = ed.generatePublicKey();
            } else if (params instanceof ECPrivateKeyParameters ec) {
                if (!(ec.getParameters() instanceof ECNamedDomainParameters named)
                        || !SECObjectIdentifiers.secp256r1.equals(named.getName())) {
                    throw new KeyFormatException("The EC key is not on curve P-256, the only ECDSA curve supported.");
                }
                type = KeyType.ECDSA_P256;
                publicParams = new ECPublicKeyParameters(
                        new FixedPointCombMultiplier().multiply(ec.getParameters().getG(), ec.getD()).normalize(),
                        ec.getParameters());
            } else if (params instanceof RSAPrivateCrtKeyParameters rsa) {
                if (rsa.getModulus().bitLength() < 2048) {
                    throw new KeyFormatException("The RSA key has " + rsa.getModulus().bitLength()
                            + " bits; TUF clients need at least 2048.");
                }
                type = KeyType.RSA_PSS;
                publicParams = new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
            } else {
                throw new KeyFormatException("The key's algorithm is not supported; use ed25519, ECDSA P-256 or RSA.");
            }
            byte[] kept = der;
            der = null;
            return new SigningKey(type, kept, params, PublicKeys.toTufKey(type, publicParams));
        } finally {
            if (der != null) {
                Arrays.fill(der, (byte) 0);
            }
        }
    }

    /** A fresh PKCS#8 PEM of this key; the caller must wipe it. */
    public byte[] toPkcs8Pem() {
        checkLive();
        return Pem.encode(PKCS8_LABEL, pkcs8);
    }

    public KeyType type() {
        return type;
    }

    @Override
    public Key publicKey() {
        return publicKey;
    }

    @Override
    public String keyId() {
        return publicKey.keyId();
    }

    @Override
    public byte[] sign(byte[] message) {
        checkLive();
        try {
            return switch (type) {
                case ED25519 -> {
                    Ed25519Signer s = new Ed25519Signer();
                    s.init(true, privateParams);
                    s.update(message, 0, message.length);
                    yield s.generateSignature();
                }
                case ECDSA_P256 -> {
                    // Deterministic nonces (RFC 6979): no dependence on the RNG at signing time.
                    ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
                    s.init(true, privateParams);
                    BigInteger[] rs = s.generateSignature(sha256(message));
                    ECPrivateKeyParameters ec = (ECPrivateKeyParameters) privateParams;
                    yield StandardDSAEncoding.INSTANCE.encode(ec.getParameters().getN(), rs[0], rs[1]);
                }
                case RSA_PSS -> {
                    PSSSigner s = new PSSSigner(new RSABlindedEngine(), new SHA256Digest(), RSA_PSS_SALT);
                    s.init(true, new ParametersWithRandom(privateParams, random));
                    s.update(message, 0, message.length);
                    yield s.generateSignature();
                }
            };
        } catch (CryptoException | IOException e) {
            throw new IllegalStateException("signing failed for key " + keyId(), e);
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(pkcs8, (byte) 0);
        privateParams = null;
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "SigningKey[" + type.cliName() + " " + keyId() + "]";
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("the key " + keyId() + " was already wiped");
        }
    }

    static ECNamedDomainParameters p256() {
        X9ECParameters x9 = ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp256r1);
        return new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, x9);
    }

    static byte[] sha256(byte[] message) {
        SHA256Digest d = new SHA256Digest();
        d.update(message, 0, message.length);
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static Map<String, String> keyval(String publicValue) {
        return Map.of("public", publicValue);
    }
}
