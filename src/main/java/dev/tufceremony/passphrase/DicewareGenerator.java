package dev.tufceremony.passphrase;

import dev.tufceremony.secret.Passphrase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Diceware over the EFF large wordlist (7776 words, CC BY 3.0 US, Electronic Frontier Foundation;
 * see the README beside the list). Each word is drawn uniformly by a strong {@link SecureRandom},
 * so each adds log2(7776) ≈ 12.925 bits; words are joined by single spaces.
 */
public final class DicewareGenerator {

    public static final int DEFAULT_WORDS = 7;
    public static final int WORDLIST_SIZE = 7776;
    static final String WORDLIST = "eff_large_wordlist.txt";

    private static final class Words {
        static final List<char[]> LIST = load();
    }

    private final SecureRandom random;

    /** Uses {@link SecureRandom#getInstanceStrong()}. */
    public DicewareGenerator() {
        this(strongRandom());
    }

    /** For tests that need a reproducible phrase. */
    public DicewareGenerator(SecureRandom random) {
        this.random = random;
    }

    public Passphrase generate() {
        return generate(DEFAULT_WORDS);
    }

    /** A fresh passphrase of {@code words} words, built directly in a char[] (never a String). */
    public Passphrase generate(int words) {
        if (words < 1 || words > 64) {
            throw new IllegalArgumentException("words must be 1..64, was " + words);
        }
        List<char[]> list = Words.LIST;
        int[] picks = new int[words];
        int length = words - 1;
        for (int k = 0; k < words; k++) {
            picks[k] = random.nextInt(WORDLIST_SIZE);
            length += list.get(picks[k]).length;
        }
        char[] out = new char[length];
        int pos = 0;
        for (int k = 0; k < words; k++) {
            if (k > 0) {
                out[pos++] = ' ';
            }
            char[] w = list.get(picks[k]);
            System.arraycopy(w, 0, out, pos, w.length);
            pos += w.length;
            picks[k] = 0;
        }
        return Passphrase.wrap(out);
    }

    /** Entropy of a {@code words}-word phrase from this generator: words × log2(7776) bits. */
    public static double entropyBits(int words) {
        return words * (Math.log(WORDLIST_SIZE) / Math.log(2));
    }

    private static SecureRandom strongRandom() {
        try {
            return SecureRandom.getInstanceStrong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no strong SecureRandom on this platform", e);
        }
    }

    static List<char[]> load() {
        List<char[]> words = new ArrayList<>(WORDLIST_SIZE);
        try (InputStream in = DicewareGenerator.class.getResourceAsStream(WORDLIST)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + WORDLIST);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = reader.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                if (tab != 5) {
                    throw new IllegalStateException(WORDLIST + " line " + (words.size() + 1) + " is not 'ddddd<TAB>word'");
                }
                words.add(line.substring(tab + 1).toCharArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (words.size() != WORDLIST_SIZE) {
            throw new IllegalStateException(WORDLIST + " has " + words.size() + " words, expected " + WORDLIST_SIZE);
        }
        return List.copyOf(words);
    }
}
