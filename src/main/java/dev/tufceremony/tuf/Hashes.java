package dev.tufceremony.tuf;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** The hash algorithms we can check in "hashes" objects (spec §4.4/§4.5). */
public final class Hashes {
    private static final Map<String, String> JCA = Map.of("sha256", "SHA-256", "sha512", "SHA-512");

    private Hashes() {
    }

    public static boolean supported(String algorithm) {
        return JCA.containsKey(algorithm);
    }

    /** Hex digest of data with a TUF algorithm name, or empty when the algorithm is not supported. */
    public static Optional<String> hex(String algorithm, byte[] data) {
        String jca = JCA.get(algorithm);
        if (jca == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(data)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] data) {
        return hex("sha256", data).orElseThrow();
    }
}
