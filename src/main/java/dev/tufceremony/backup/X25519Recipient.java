package dev.tufceremony.backup;

import dev.tufceremony.CeremonyError;
import java.util.Arrays;

/**
 * An age X25519 recipient: a public key written {@code age1...} (age v1, "The X25519 recipient
 * type"). The ceremony encrypts the online keys to the public key of the team that loads them into
 * the secret manager.
 */
public final class X25519Recipient {
    static final String HRP = "age";
    private final byte[] publicKey;

    X25519Recipient(byte[] publicKey) {
        this.publicKey = publicKey.clone();
    }

    /** Parses an {@code age1...} recipient string. */
    public static X25519Recipient parse(String encoded) {
        Bech32.Decoded d = Bech32.decode(encoded.trim());
        if (d == null || !d.hrp.equals(HRP) || d.data.length != 32 || !encoded.trim().equals(encoded.trim().toLowerCase(java.util.Locale.ROOT))) {
            throw new CeremonyError("'" + encoded + "' is not an age X25519 recipient: it must be an 'age1...' public key as 'age-keygen -y' prints it.");
        }
        return new X25519Recipient(d.data);
    }

    byte[] publicKeyView() {
        return publicKey;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The {@code age1...} form. */
    public String encode() {
        return new String(Bech32.encode(HRP, publicKey));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof X25519Recipient && Arrays.equals(((X25519Recipient) o).publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return encode();
    }
}
