package dev.tufceremony.backup;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The age payload (age v1, "Payload"): STREAM over ChaCha20-Poly1305 in 64 KiB chunks; the nonce is
 * an 11-byte big-endian chunk counter and a last-chunk flag byte. Only an empty payload may end
 * with an empty chunk.
 */
final class PayloadStream {
    static final int CHUNK = 64 * 1024;
    private static final int SEALED_CHUNK = CHUNK + AgeCrypto.TAG_SIZE;

    private PayloadStream() {
    }

    static void encrypt(byte[] payloadKey, byte[] plaintext, ByteArrayOutputStream out) {
        int chunks = Math.max(1, (plaintext.length + CHUNK - 1) / CHUNK);
        for (int i = 0; i < chunks; i++) {
            int off = i * CHUNK;
            int len = Math.min(CHUNK, plaintext.length - off);
            out.writeBytes(AgeCrypto.seal(payloadKey, nonce(i, i == chunks - 1), plaintext, off, len));
        }
    }

    /** The plaintext of {@code length} bytes of ciphertext at {@code offset}; the caller wipes it. */
    static byte[] decrypt(byte[] payloadKey, byte[] data, int offset, int length) {
        if (length == 0) {
            throw payload("The age payload has no chunks (not even the final empty one): the file is truncated.");
        }
        int chunks = (length + SEALED_CHUNK - 1) / SEALED_CHUNK;
        int lastLength = length - (chunks - 1) * SEALED_CHUNK;
        if (lastLength < AgeCrypto.TAG_SIZE) {
            throw payload("The age payload's last chunk is shorter than its authentication tag: the file is truncated or damaged.");
        }
        if (lastLength == AgeCrypto.TAG_SIZE && chunks > 1) {
            throw payload("The age payload ends with an empty chunk after data, which age v1 forbids: the file is damaged.");
        }
        byte[] out = new byte[length - chunks * AgeCrypto.TAG_SIZE];
        for (int i = 0; i < chunks; i++) {
            boolean last = i == chunks - 1;
            byte[] chunk = AgeCrypto.open(payloadKey, nonce(i, last), data, offset + i * SEALED_CHUNK,
                    last ? lastLength : SEALED_CHUNK);
            if (chunk == null) {
                Arrays.fill(out, (byte) 0);
                throw payload("The age payload fails authentication at chunk " + (i + 1) + " of " + chunks
                        + ": the file is damaged, truncated or was changed.");
            }
            System.arraycopy(chunk, 0, out, i * CHUNK, chunk.length);
            Arrays.fill(chunk, (byte) 0);
        }
        return out;
    }

    private static byte[] nonce(long counter, boolean last) {
        byte[] nonce = new byte[12];
        for (int i = 10; i >= 0 && counter != 0; i--) {
            nonce[i] = (byte) counter;
            counter >>>= 8;
        }
        nonce[11] = (byte) (last ? 1 : 0);
        return nonce;
    }

    private static AgeException payload(String message) {
        return new AgeException(AgeException.Stage.PAYLOAD, message);
    }
}
