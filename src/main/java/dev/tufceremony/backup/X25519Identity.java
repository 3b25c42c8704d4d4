package dev.tufceremony.backup;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.secret.SecretBytes;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * An age X25519 identity: the private scalar, written {@code AGE-SECRET-KEY-1...} (age v1, "The
 * X25519 recipient type"). Held in {@link SecretBytes} and wiped on {@link #destroy()}.
 */
public final class X25519Identity implements Destroyable, AutoCloseable {
    static final String HRP = "age-secret-key-";
    private final SecretBytes secretKey;
    private final X25519Recipient recipient;

    private X25519Identity(SecretBytes secretKey) {
        this.secretKey = secretKey;
        byte[] pub = new byte[X25519.POINT_SIZE];
        X25519.generatePublicKey(secretKey.reveal(), 0, pub, 0);
        this.recipient = new X25519Recipient(pub);
    }

    public static X25519Identity generate(SecureRandom random) {
        byte[] sk = new byte[X25519.SCALAR_SIZE];
        random.nextBytes(sk);
        return new X25519Identity(SecretBytes.wrap(sk));
    }

    /** Parses {@code AGE-SECRET-KEY-1...} (upper case, as age-keygen writes it); pass a char[] wrapped in a CharBuffer to avoid Strings. */
    public static X25519Identity parse(CharSequence encoded) {
        Bech32.Decoded d = Bech32.decode(encoded);
        boolean upper = true;
        for (int i = 0; i < encoded.length(); i++) {
            upper &= encoded.charAt(i) == Character.toUpperCase(encoded.charAt(i));
        }
        if (d == null || !d.hrp.equals(HRP) || d.data.length != 32 || !upper) {
            if (d != null) {
                Arrays.fill(d.data, (byte) 0);
            }
            // Never echo the input: it may be a secret key with a typo.
            throw new CeremonyError("The text given as an age identity is not an 'AGE-SECRET-KEY-1...' X25519 secret key as age-keygen writes it.");
        }
        return new X25519Identity(SecretBytes.wrap(d.data));
    }

    public X25519Recipient recipient() {
        return recipient;
    }

    /** The {@code AGE-SECRET-KEY-1...} form as characters the caller wipes. */
    public char[] encode() {
        char[] chars = Bech32.encode(HRP, secretKey.reveal());
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toUpperCase(chars[i]);
        }
        return chars;
    }

    /**
     * The X25519 shared secret with {@code share}, or null if it is all zeros (a low-order point,
     * which age v1 requires to be rejected).
     */
    byte[] agree(byte[] share) {
        byte[] shared = new byte[X25519.POINT_SIZE];
        if (!X25519.calculateAgreement(secretKey.reveal(), 0, share, 0, shared, 0)) {
            Arrays.fill(shared, (byte) 0);
            return null;
        }
        return shared;
    }

    @Override
    public void destroy() {
        secretKey.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return secretKey.isDestroyed();
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "X25519Identity[" + recipient.encode() + "]";
    }
}
