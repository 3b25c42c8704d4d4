package dev.tufceremony.backup;

import dev.tufceremony.CeremonyError;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The primitives age v1 names, from Bouncy Castle's lightweight API: HKDF-SHA-256 (RFC 5869),
 * HMAC-SHA-256, ChaCha20-Poly1305 (RFC 7539); scrypt (RFC 7914) is {@link Scrypt}. Every intermediate key array is
 * zeroed here; HKDF is written out so that its pseudorandom key can be wiped too.
 */
final class AgeCrypto {
    static final int TAG_SIZE = 16;
    private static final byte[] ZERO_KEY = new byte[32];

    private AgeCrypto() {
    }

    /** HKDF-SHA-256 for at most 32 bytes of output (one expand block, all age needs). */
    static byte[] hkdf(byte[] ikm, byte[] salt, String info, int length) {
        if (length > 32) {
            throw new IllegalArgumentException("length");
        }
        HMac mac = new HMac(new SHA256Digest());
        // RFC 5869 2.2: an absent salt is a string of HashLen zeros.
        byte[] prk = hmac(mac, salt.length == 0 ? new byte[32] : salt, ikm);
        byte[] infoBytes = info.getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[infoBytes.length + 1];
        System.arraycopy(infoBytes, 0, block, 0, infoBytes.length);
        block[infoBytes.length] = 1;
        byte[] t1 = hmac(mac, prk, block);
        Arrays.fill(prk, (byte) 0);
        scrub(mac);
        if (length == t1.length) {
            return t1;
        }
        byte[] out = Arrays.copyOf(t1, length);
        Arrays.fill(t1, (byte) 0);
        return out;
    }

    static byte[] hmacSha256(byte[] key, byte[] data, int offset, int length) {
        HMac mac = new HMac(new SHA256Digest());
        KeyParameter kp = new KeyParameter(key);
        mac.init(kp);
        mac.update(data, offset, length);
        byte[] out = new byte[32];
        mac.doFinal(out, 0);
        Arrays.fill(kp.getKey(), (byte) 0);
        scrub(mac);
        return out;
    }

    private static byte[] hmac(HMac mac, byte[] key, byte[] data) {
        KeyParameter kp = new KeyParameter(key);
        mac.init(kp);
        Arrays.fill(kp.getKey(), (byte) 0);
        mac.update(data, 0, data.length);
        byte[] out = new byte[32];
        mac.doFinal(out, 0);
        return out;
    }

    /** Overwrites the key-derived pads an HMac keeps after use. */
    private static void scrub(HMac mac) {
        mac.init(new KeyParameter(ZERO_KEY));
    }

    static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, int offset, int length) {
        ChaCha20Poly1305 aead = init(true, key, nonce);
        byte[] out = new byte[length + TAG_SIZE];
        int n = aead.processBytes(plaintext, offset, length, out, 0);
        try {
            aead.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Decrypts and authenticates, or returns null if the tag does not match. */
    static byte[] open(byte[] key, byte[] nonce, byte[] ciphertext, int offset, int length) {
        if (length < TAG_SIZE) {
            return null;
        }
        ChaCha20Poly1305 aead = init(false, key, nonce);
        byte[] out = new byte[length - TAG_SIZE];
        try {
            int n = aead.processBytes(ciphertext, offset, length, out, 0);
            aead.doFinal(out, n);
            return out;
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, (byte) 0);
            return null;
        }
    }

    private static ChaCha20Poly1305 init(boolean encrypt, byte[] key, byte[] nonce) {
        ChaCha20Poly1305 aead = new ChaCha20Poly1305();
        KeyParameter kp = new KeyParameter(key);
        aead.init(encrypt, new AEADParameters(kp, TAG_SIZE * 8, nonce));
        Arrays.fill(kp.getKey(), (byte) 0);
        return aead;
    }

    /**
     * scrypt with N = 2^logN, r = 8, p = 1, 32 bytes out (age v1, "The scrypt recipient type").
     * Checks the heap first so that a large work factor ends in a clear message, not an
     * OutOfMemoryError deep inside the KDF.
     */
    static byte[] scrypt(byte[] passphrase, byte[] salt, WorkFactor workFactor) {
        long needed = workFactor.memoryBytes() + (64L << 20);
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (available < needed) {
            System.gc();
            available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        }
        if (available < needed) {
            throw memoryError(workFactor);
        }
        try {
            return Scrypt.derive(passphrase, salt, workFactor.logN(), 8, 32);
        } catch (OutOfMemoryError e) {
            throw memoryError(workFactor);
        }
    }

    private static CeremonyError memoryError(WorkFactor workFactor) {
        long mib = workFactor.memoryBytes() >> 20;
        return new CeremonyError("Opening a passphrase with scrypt work factor " + workFactor.logN() + " needs "
                + mib + " MiB of memory and Java has less available: start it with -Xmx" + (mib / 1024 + 2) + "g.");
    }
}
