package dev.tufceremony.backup;

import dev.tufceremony.secret.Passphrase;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * The scrypt recipient stanza (age v1, "The scrypt recipient type"):
 * {@code -> scrypt <base64 16-byte salt> <decimal logN>}, body = ChaCha20-Poly1305 of the file key
 * under scrypt(passphrase, "age-encryption.org/v1/scrypt" || salt, 2^logN, 8, 1).
 */
final class ScryptStanza {
    static final String TYPE = "scrypt";
    private static final byte[] LABEL = "age-encryption.org/v1/scrypt".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_SIZE = 16;
    static final int FILE_KEY_SIZE = 16;

    private ScryptStanza() {
    }

    static Stanza wrap(byte[] fileKey, Passphrase passphrase, WorkFactor workFactor, SecureRandom random) {
        byte[] salt = new byte[SALT_SIZE];
        random.nextBytes(salt);
        byte[] key = deriveKey(passphrase, salt, workFactor);
        try {
            byte[] body = AgeCrypto.seal(key, new byte[12], fileKey, 0, fileKey.length);
            return new Stanza(TYPE, List.of(AgeBase64.encode(salt), Integer.toString(workFactor.logN())), body);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The stanza's work factor, checked strictly and refused above 22 before any memory is spent. */
    static WorkFactor workFactor(Stanza stanza) {
        checkArgs(stanza);
        String w = stanza.args().get(1);
        // Plain decimal only: no sign, no leading zero, no hex or octal, at most two digits.
        if (!w.matches("[1-9][0-9]?")) {
            if (w.matches("[1-9][0-9]*")) {
                throw AgeException.header("The file's scrypt work factor " + w + " is above " + WorkFactor.MAX
                        + ", the most this program and stock age accept: it cannot be opened here.");
            }
            throw AgeException.header("The file's scrypt work factor is not a plain decimal number from 1 to " + WorkFactor.MAX + ".");
        }
        int logN = Integer.parseInt(w);
        if (logN > WorkFactor.MAX) {
            throw AgeException.header("The file's scrypt work factor " + logN + " is above " + WorkFactor.MAX
                    + ", the most this program and stock age accept: it cannot be opened here.");
        }
        return WorkFactor.fromFile(logN);
    }

    /** The file key, or null if the passphrase does not open the stanza. */
    static byte[] unwrap(Stanza stanza, Passphrase passphrase) {
        WorkFactor workFactor = workFactor(stanza);
        byte[] salt = AgeBase64.decode(stanza.args().get(0));
        if (stanza.bodyView().length != FILE_KEY_SIZE + AgeCrypto.TAG_SIZE) {
            throw AgeException.header("The scrypt stanza's body is not a wrapped 16-byte file key.");
        }
        byte[] key = deriveKey(passphrase, salt, workFactor);
        try {
            return AgeCrypto.open(key, new byte[12], stanza.bodyView(), 0, stanza.bodyView().length);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static void checkArgs(Stanza stanza) {
        if (stanza.args().size() != 2) {
            throw AgeException.header("The scrypt stanza must have exactly two arguments, a salt and a work factor.");
        }
        byte[] salt = AgeBase64.decode(stanza.args().get(0));
        if (salt == null || salt.length != SALT_SIZE) {
            throw AgeException.header("The scrypt stanza's salt is not 16 bytes of canonical base64.");
        }
    }

    private static byte[] deriveKey(Passphrase passphrase, byte[] salt, WorkFactor workFactor) {
        byte[] fullSalt = new byte[LABEL.length + salt.length];
        System.arraycopy(LABEL, 0, fullSalt, 0, LABEL.length);
        System.arraycopy(salt, 0, fullSalt, LABEL.length, salt.length);
        byte[] utf8 = passphrase.toUtf8();
        try {
            return AgeCrypto.scrypt(utf8, fullSalt, workFactor);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }
}
