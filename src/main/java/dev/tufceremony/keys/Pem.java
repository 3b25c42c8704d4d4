package dev.tufceremony.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * PEM framing done on byte arrays, so a private key never passes through a String (which could not
 * be wiped). Public keys use the same code for one canonical PEM layout: 64-column base64 lines and a
 * trailing newline, as python-tuf/securesystemslib (via pyca/cryptography) writes them.
 */
final class Pem {
    private Pem() {
    }

    static byte[] encode(String label, byte[] der) {
        byte[] header = ("-----BEGIN " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
        byte[] footer = ("\n-----END " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(der);
        try {
            byte[] out = new byte[header.length + body.length + footer.length];
            System.arraycopy(header, 0, out, 0, header.length);
            System.arraycopy(body, 0, out, header.length, body.length);
            System.arraycopy(footer, 0, out, header.length + body.length, footer.length);
            return out;
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** The DER inside the first block with this label; null when there is no such block. */
    static byte[] decode(String label, byte[] pem) {
        byte[] begin = ("-----BEGIN " + label + "-----").getBytes(StandardCharsets.US_ASCII);
        byte[] end = ("-----END " + label + "-----").getBytes(StandardCharsets.US_ASCII);
        int start = indexOf(pem, begin, 0);
        if (start < 0) {
            return null;
        }
        int bodyStart = start + begin.length;
        int stop = indexOf(pem, end, bodyStart);
        if (stop < 0) {
            return null;
        }
        byte[] b64 = new byte[stop - bodyStart];
        int n = 0;
        for (int i = bodyStart; i < stop; i++) {
            byte c = pem[i];
            if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                b64[n++] = c;
            }
        }
        byte[] exact = Arrays.copyOf(b64, n);
        try {
            return Base64.getDecoder().decode(exact);
        } catch (IllegalArgumentException e) {
            return null;
        } finally {
            Arrays.fill(b64, (byte) 0);
            Arrays.fill(exact, (byte) 0);
        }
    }

    static boolean contains(byte[] haystack, String needle) {
        return indexOf(haystack, needle.getBytes(StandardCharsets.US_ASCII), 0) >= 0;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
