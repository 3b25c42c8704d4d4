package dev.tufceremony.backup;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * scrypt (RFC 7914) with p = 1. Bouncy Castle's {@code SCrypt} gives the same output (a test
 * compares them) but allocates the 1 GiB table V in many 32 KiB arrays; at work factor 20 the JVM's
 * young collections then copy that live table again and again, which measured here cost about as
 * much as scrypt itself. This version holds V in one array, which G1 places directly in the old
 * generation, so nothing is copied. PBKDF2-HMAC-SHA256 is Bouncy Castle's. V and every buffer are
 * zeroed before returning.
 */
final class Scrypt {
    private Scrypt() {
    }

    static byte[] derive(byte[] passphrase, byte[] salt, int logN, int r, int dkLen) {
        if (logN < 1 || logN > 30 || (32L * r << logN) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("scrypt parameters too large for one array");
        }
        int n = 1 << logN;
        int blockInts = 32 * r;
        byte[] b = pbkdf2(passphrase, salt, 128 * r);
        int[] x = new int[blockInts];
        int[] y = new int[blockInts];
        int[] t = new int[16];
        int[] v = new int[blockInts * n];
        try {
            for (int i = 0; i < blockInts; i++) {
                int o = i * 4;
                x[i] = (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24;
            }
            // RFC 7914 section 5, ROMix: fill V, then N reads of V at data-dependent positions.
            for (int i = 0; i < n; i++) {
                System.arraycopy(x, 0, v, i * blockInts, blockInts);
                blockMix(x, v, -1, y, t, r);
                int[] swap = x;
                x = y;
                y = swap;
            }
            int mask = n - 1;
            for (int i = 0; i < n; i++) {
                int j = x[blockInts - 16] & mask;
                blockMix(x, v, j * blockInts, y, t, r);
                int[] swap = x;
                x = y;
                y = swap;
            }
            for (int i = 0; i < blockInts; i++) {
                int o = i * 4;
                int w = x[i];
                b[o] = (byte) w;
                b[o + 1] = (byte) (w >>> 8);
                b[o + 2] = (byte) (w >>> 16);
                b[o + 3] = (byte) (w >>> 24);
            }
            return pbkdf2(passphrase, b, dkLen);
        } finally {
            Arrays.fill(v, 0);
            Arrays.fill(x, 0);
            Arrays.fill(y, 0);
            Arrays.fill(t, 0);
            Arrays.fill(b, (byte) 0);
        }
    }

    private static byte[] pbkdf2(byte[] passphrase, byte[] salt, int length) {
        PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA256Digest());
        gen.init(passphrase, salt, 1);
        KeyParameter kp = (KeyParameter) gen.generateDerivedMacParameters(length * 8);
        byte[] out = kp.getKey().clone();
        Arrays.fill(kp.getKey(), (byte) 0);
        gen.init(new byte[0], new byte[0], 1);
        return out;
    }

    /**
     * RFC 7914 section 4, BlockMix with Salsa20/8, of {@code in} (XOR V_j at {@code vOff} when
     * vOff >= 0) into {@code out}: even sub-blocks to the first half, odd ones to the second.
     */
    private static void blockMix(int[] in, int[] v, int vOff, int[] out, int[] t, int r) {
        int last = (2 * r - 1) * 16;
        System.arraycopy(in, last, t, 0, 16);
        if (vOff >= 0) {
            for (int k = 0; k < 16; k++) {
                t[k] ^= v[vOff + last + k];
            }
        }
        for (int i = 0; i < 2 * r; i++) {
            int o = i * 16;
            if (vOff >= 0) {
                for (int k = 0; k < 16; k++) {
                    t[k] ^= in[o + k] ^ v[vOff + o + k];
                }
            } else {
                for (int k = 0; k < 16; k++) {
                    t[k] ^= in[o + k];
                }
            }
            salsa8(t);
            System.arraycopy(t, 0, out, ((i & 1) == 0 ? i / 2 : r + i / 2) * 16, 16);
        }
    }

    /** The Salsa20/8 core, in place, with the state in locals. */
    private static void salsa8(int[] t) {
        int x0 = t[0], x1 = t[1], x2 = t[2], x3 = t[3], x4 = t[4], x5 = t[5], x6 = t[6], x7 = t[7];
        int x8 = t[8], x9 = t[9], x10 = t[10], x11 = t[11], x12 = t[12], x13 = t[13], x14 = t[14], x15 = t[15];
        for (int round = 0; round < 8; round += 2) {
            x4 ^= Integer.rotateLeft(x0 + x12, 7);
            x8 ^= Integer.rotateLeft(x4 + x0, 9);
            x12 ^= Integer.rotateLeft(x8 + x4, 13);
            x0 ^= Integer.rotateLeft(x12 + x8, 18);
            x9 ^= Integer.rotateLeft(x5 + x1, 7);
            x13 ^= Integer.rotateLeft(x9 + x5, 9);
            x1 ^= Integer.rotateLeft(x13 + x9, 13);
            x5 ^= Integer.rotateLeft(x1 + x13, 18);
            x14 ^= Integer.rotateLeft(x10 + x6, 7);
            x2 ^= Integer.rotateLeft(x14 + x10, 9);
            x6 ^= Integer.rotateLeft(x2 + x14, 13);
            x10 ^= Integer.rotateLeft(x6 + x2, 18);
            x3 ^= Integer.rotateLeft(x15 + x11, 7);
            x7 ^= Integer.rotateLeft(x3 + x15, 9);
            x11 ^= Integer.rotateLeft(x7 + x3, 13);
            x15 ^= Integer.rotateLeft(x11 + x7, 18);
            x1 ^= Integer.rotateLeft(x0 + x3, 7);
            x2 ^= Integer.rotateLeft(x1 + x0, 9);
            x3 ^= Integer.rotateLeft(x2 + x1, 13);
            x0 ^= Integer.rotateLeft(x3 + x2, 18);
            x6 ^= Integer.rotateLeft(x5 + x4, 7);
            x7 ^= Integer.rotateLeft(x6 + x5, 9);
            x4 ^= Integer.rotateLeft(x7 + x6, 13);
            x5 ^= Integer.rotateLeft(x4 + x7, 18);
            x11 ^= Integer.rotateLeft(x10 + x9, 7);
            x8 ^= Integer.rotateLeft(x11 + x10, 9);
            x9 ^= Integer.rotateLeft(x8 + x11, 13);
            x10 ^= Integer.rotateLeft(x9 + x8, 18);
            x12 ^= Integer.rotateLeft(x15 + x14, 7);
            x13 ^= Integer.rotateLeft(x12 + x15, 9);
            x14 ^= Integer.rotateLeft(x13 + x12, 13);
            x15 ^= Integer.rotateLeft(x14 + x13, 18);
        }
        t[0] += x0; t[1] += x1; t[2] += x2; t[3] += x3; t[4] += x4; t[5] += x5; t[6] += x6; t[7] += x7;
        t[8] += x8; t[9] += x9; t[10] += x10; t[11] += x11; t[12] += x12; t[13] += x13; t[14] += x14; t[15] += x15;
    }
}
