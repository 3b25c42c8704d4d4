package dev.tufceremony.keys;

import dev.tufceremony.tuf.Key;
import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/** Checks a signature made in one of the supported schemes (TUF spec §4.2, DESIGN §4). */
public final class SignatureVerifier {
    private static final int ED25519_SIGNATURE_LENGTH = 64;

    private SignatureVerifier() {
    }

    /**
     * True only for a valid signature by {@code key} over {@code message}. A signature of the wrong
     * length or encoding is simply invalid; a key object that is malformed or unsupported throws
     * {@link KeyFormatException}.
     */
    public static boolean verify(Key key, byte[] message, byte[] signature) {
        AsymmetricKeyParameter params = PublicKeys.parameters(key);
        return switch (KeyType.of(key)) {
            case ED25519 -> {
                if (signature.length != ED25519_SIGNATURE_LENGTH) {
                    yield false;
                }
                Ed25519Signer s = new Ed25519Signer();
                s.init(false, params);
                s.update(message, 0, message.length);
                yield s.verifySignature(signature);
            }
            case ECDSA_P256 -> {
                ECPublicKeyParameters ec = (ECPublicKeyParameters) params;
                BigInteger[] rs;
                try {
                    rs = StandardDSAEncoding.INSTANCE.decode(ec.getParameters().getN(), signature);
                } catch (IOException | RuntimeException e) {
                    yield false;
                }
                ECDSASigner s = new ECDSASigner();
                s.init(false, ec);
                yield s.verifySignature(SigningKey.sha256(message), rs[0], rs[1]);
            }
            case RSA_PSS -> {
                PSSSigner s = new PSSSigner(new RSABlindedEngine(), new SHA256Digest(), SigningKey.RSA_PSS_SALT);
                s.init(false, params);
                s.update(message, 0, message.length);
                yield s.verifySignature(signature);
            }
        };
    }
}
