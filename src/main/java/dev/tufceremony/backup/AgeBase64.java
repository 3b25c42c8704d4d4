package dev.tufceremony.backup;

import java.util.Base64;

/**
 * The base64 of age headers: standard alphabet, no padding, canonical (no stray bits), no line
 * breaks (age v1, "Conventions used in this document").
 */
final class AgeBase64 {
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private AgeBase64() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** Decodes strictly; null if {@code s} is not canonical unpadded base64. */
    static byte[] decode(String s) {
        if (s.length() % 4 == 1) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) {
                return null;
            }
        }
        byte[] out = Base64.getDecoder().decode(s);
        // Re-encoding catches non-zero trailing bits, which the JDK decoder ignores.
        return ENCODER.encodeToString(out).equals(s) ? out : null;
    }
}
