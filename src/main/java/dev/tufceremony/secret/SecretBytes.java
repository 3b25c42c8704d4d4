package dev.tufceremony.secret;

import java.security.MessageDigest;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * Secret bytes (a file key, a decrypted private key, PEM text) held in one array that is zeroed on
 * {@link #destroy()}. The secret is reachable only through {@link #reveal()}, so every place that
 * touches it is visible in the code; {@link #toString()} never shows it.
 */
public final class SecretBytes implements Destroyable, AutoCloseable {
    private final byte[] bytes;
    private volatile boolean destroyed;

    private SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes ownership of {@code bytes}: the caller must not keep using them; they are zeroed on destroy. */
    public static SecretBytes wrap(byte[] bytes) {
        if (bytes == null) {
            throw new NullPointerException("bytes");
        }
        return new SecretBytes(bytes);
    }

    /** A copy of {@code bytes} (the caller still owns and wipes its own array). */
    public static SecretBytes copyOf(byte[] bytes) {
        return new SecretBytes(bytes.clone());
    }

    /** A copy of {@code length} bytes of {@code bytes} starting at {@code offset}. */
    public static SecretBytes copyOf(byte[] bytes, int offset, int length) {
        return new SecretBytes(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /**
     * The secret itself (not a copy): valid until {@link #destroy()}, which zeroes it. Do not store
     * it elsewhere; copy out only into arrays you wipe.
     */
    public byte[] reveal() {
        checkNotDestroyed();
        return bytes;
    }

    public int length() {
        checkNotDestroyed();
        return bytes.length;
    }

    /** Constant-time comparison of the contents. */
    public boolean sameAs(SecretBytes other) {
        checkNotDestroyed();
        other.checkNotDestroyed();
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
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
        return destroyed ? "SecretBytes[destroyed]" : "SecretBytes[" + bytes.length + " bytes]";
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("the secret bytes were already destroyed");
        }
    }
}
