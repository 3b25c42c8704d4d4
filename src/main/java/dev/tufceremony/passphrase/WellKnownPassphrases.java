package dev.tufceremony.passphrase;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped list of example passphrases (xkcd's, tutorials', and every one shown in this project's
 * docs and tests). zxcvbn rates some of them as strong; an attacker tries them first.
 */
final class WellKnownPassphrases {

    static final String RESOURCE = "well-known-passphrases.txt";

    private final List<char[]> normalized;

    private WellKnownPassphrases(List<char[]> normalized) {
        this.normalized = normalized;
    }

    static WellKnownPassphrases load() {
        List<char[]> entries = new ArrayList<>();
        try (InputStream in = WellKnownPassphrases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                char[] n = normalize(line.toCharArray(), null);
                if (n.length > 0) {
                    entries.add(n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WellKnownPassphrases(List.copyOf(entries));
    }

    /** Normalized entries: lower case, letters and digits only. Not secret (they are public examples). */
    List<char[]> entries() {
        return normalized;
    }

    /**
     * Lower-cases and keeps only letters and digits. When {@code origin} is given, origin[k] receives the
     * index in {@code text} of the k-th kept character.
     */
    static char[] normalize(char[] text, int[] origin) {
        char[] out = new char[text.length];
        int n = 0;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            if (Character.isLetterOrDigit(c)) {
                if (origin != null) {
                    origin[n] = i;
                }
                out[n++] = Character.toLowerCase(c);
            }
        }
        char[] exact = java.util.Arrays.copyOf(out, n);
        java.util.Arrays.fill(out, '\0');
        return exact;
    }
}
