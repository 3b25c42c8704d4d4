package dev.tufceremony.keys;

import dev.tufceremony.tuf.Key;

/**
 * Something that can sign for a TUF key: today a key decrypted from a backup, later a PKCS#11
 * token. Ceremonies work on lists of signers, never on "the" root key (k-of-n, DESIGN §6).
 */
public interface Signer {
    Key publicKey();

    default String keyId() {
        return publicKey().keyId();
    }

    /** The signature over {@code message} in the key's scheme (ECDSA as DER, RSA-PSS salt 32). */
    byte[] sign(byte[] message);
}
