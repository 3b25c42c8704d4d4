package dev.tufceremony.backup;

/**
 * Bech32 (BIP 173, checksum constant 1) as age uses it for recipients and identities: no length
 * limit, all lower case or all upper case.
 */
final class Bech32 {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    private Bech32() {
    }

    /** The decoded hrp (lower case) and 8-bit data. */
    static final class Decoded {
        final String hrp;
        final byte[] data;

        Decoded(String hrp, byte[] data) {
            this.hrp = hrp;
            this.data = data;
        }
    }

    /** Lower-case Bech32 as characters (no String, so a secret key can be wiped afterwards). */
    static char[] encode(String hrp, byte[] data) {
        byte[] values = convertBits(data, 8, 5, true);
        byte[] checksum = checksum(hrp, values);
        char[] out = new char[hrp.length() + 1 + values.length + 6];
        int o = 0;
        for (int i = 0; i < hrp.length(); i++) {
            out[o++] = hrp.charAt(i);
        }
        out[o++] = '1';
        for (byte v : values) {
            out[o++] = CHARSET.charAt(v);
        }
        for (byte v : checksum) {
            out[o++] = CHARSET.charAt(v);
        }
        java.util.Arrays.fill(values, (byte) 0);
        return out;
    }

    /** Decodes, or returns null if {@code s} is not valid Bech32. */
    static Decoded decode(CharSequence s) {
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 33 || c > 126) {
                return null;
            }
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        if (lower && upper) {
            return null;
        }
        int sep = -1;
        for (int i = s.length() - 1; i >= 0; i--) {
            if (s.charAt(i) == '1') {
                sep = i;
                break;
            }
        }
        if (sep < 1 || sep + 7 > s.length()) {
            return null;
        }
        String hrp = s.subSequence(0, sep).toString().toLowerCase(java.util.Locale.ROOT);
        byte[] values = new byte[s.length() - sep - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(Character.toLowerCase(s.charAt(sep + 1 + i)));
            if (v < 0) {
                return null;
            }
            values[i] = (byte) v;
        }
        try {
            if (polymod(hrp, values, values.length) != 1) {
                return null;
            }
            byte[] payload = java.util.Arrays.copyOf(values, values.length - 6);
            byte[] data = convertBits(payload, 5, 8, false);
            java.util.Arrays.fill(payload, (byte) 0);
            return data == null ? null : new Decoded(hrp, data);
        } finally {
            java.util.Arrays.fill(values, (byte) 0);
        }
    }

    private static byte[] checksum(String hrp, byte[] values) {
        byte[] padded = java.util.Arrays.copyOf(values, values.length + 6);
        int mod = polymod(hrp, padded, padded.length) ^ 1;
        java.util.Arrays.fill(padded, (byte) 0);
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
        }
        return out;
    }

    private static int polymod(String hrp, byte[] values, int length) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk) ^ (hrp.charAt(i) >> 5);
        }
        chk = step(chk);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk) ^ (hrp.charAt(i) & 31);
        }
        for (int i = 0; i < length; i++) {
            chk = step(chk) ^ values[i];
        }
        return chk;
    }

    private static int step(int pre) {
        int b = pre >>> 25;
        return ((pre & 0x1ffffff) << 5)
                ^ (-((b) & 1) & 0x3b6a57b2)
                ^ (-((b >> 1) & 1) & 0x26508e6d)
                ^ (-((b >> 2) & 1) & 0x1ea119fa)
                ^ (-((b >> 3) & 1) & 0x3d4233dd)
                ^ (-((b >> 4) & 1) & 0x2a1462b3);
    }

    /** Regroups bits (BIP 173 reference convertbits); null if padding is invalid when not padding. */
    private static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << to) - 1;
        int maxAcc = (1 << (from + to - 1)) - 1;
        long totalBits = (long) in.length * from;
        int outLength = (int) (pad ? (totalBits + to - 1) / to : totalBits / to);
        // Written straight into the result (no growable buffer) so that secret bits leave no copies.
        byte[] out = new byte[outLength];
        int o = 0;
        for (byte b : in) {
            acc = ((acc << from) | (b & 0xff)) & maxAcc;
            bits += from;
            while (bits >= to) {
                bits -= to;
                out[o++] = (byte) ((acc >>> bits) & maxv);
            }
        }
        if (pad) {
            if (bits > 0) {
                out[o++] = (byte) ((acc << (to - bits)) & maxv);
            }
        } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
            java.util.Arrays.fill(out, (byte) 0);
            return null;
        }
        return out;
    }
}
