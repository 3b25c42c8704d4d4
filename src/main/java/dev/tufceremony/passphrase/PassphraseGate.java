package dev.tufceremony.passphrase;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import dev.tufceremony.secret.Passphrase;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The passphrase policy for a root key that sits in a safe for years: zxcvbn must estimate at least
 * 10^20 guesses (zxcvbn's top score 4 only means 10^10), and the passphrase must not be a well-known
 * example. Thread-safe; one shared zxcvbn instance (it costs 110–165 ms to build).
 *
 * <h2>Why the input is rated in bounded segments</h2>
 * zxcvbn4j's matching is super-linear in length, pathologically so for random characters (its l33t
 * matcher: ~1 s for 128 random printable characters, nulab/zxcvbn4j#67). We therefore never give it
 * more than {@link #SEGMENT_CHARS} characters at once, and combine the segments as a <em>lower
 * bound</em> of what zxcvbn would say about the whole:
 * <ol>
 *   <li>Spans an attacker knows are removed and count for nothing (one guess): a well-known example
 *       passphrase or a user input (repository name, people's names) found anywhere, ignoring case
 *       and separators; and every span of {@value #MIN_COPY} or more characters that repeats text
 *       found earlier in the input (an LZ77 factorisation, ignoring case). zxcvbn charges a repeat
 *       at least its base guesses times the count and a user input at least its rank, so counting
 *       them as zero can only lower the estimate; it also catches repeats zxcvbn misses (non-adjacent).
 *       The same is done on the key-to-key moves, for keyboard walks of a repeated shape.</li>
 *   <li>What is left is split into segments of at most {@link #SEGMENT_CHARS} characters (20 when
 *       the window is full of l33t characters, which is what makes zxcvbn4j slow), cut after
 *       whitespace or a separator when one lies in the second half of the window, so words stay
 *       whole. An input that is short and has nothing removed is one segment: exactly zxcvbn.</li>
 *   <li>Each segment is rated by zxcvbn with the same user inputs; the estimate is the product of
 *       the segments' guesses, divided by 10^{@value #SEGMENT_PENALTY_LOG10} per extra segment.
 *       Why this is (nearly) a lower bound: zxcvbn's guesses for a whole are
 *       l!·∏(match guesses) + 10^(4(l−1)), minimised over splits into l matches. If no match of the
 *       whole's best split crosses a segment boundary, that split restricted to a segment is a split
 *       of the segment, so the segment's own minimum is at most its share, and l! ≥ ∏ l_i!. Two
 *       things break an exact proof: a match that crosses a boundary (zxcvbn often rates a space
 *       plus the next short word as one brute-force run), and the additive term, which each segment
 *       pays on its own. The penalty pays for both; on 300 seeded diceware phrases of 3–8 words it
 *       left no estimate above whole-input zxcvbn (with a penalty of 10^2 two were, by up to
 *       10^0.67), and the tests check word phrases and a corpus of weak inputs against zxcvbn.</li>
 * </ol>
 * What zxcvbn4j does with the secret: it takes a CharSequence, so it gets a {@link CharBuffer} over a
 * copy of one segment, never a String, and {@link Strength#wipe()} then blanks that copy and the
 * tokens over it. zxcvbn4j still makes lower-case copies and String substrings for its dictionary
 * look-ups internally; those stay on the heap until collected and we cannot wipe them.
 */
public final class PassphraseGate {

    /** The minimum: 10^20 guesses, three million years at 10^6 guesses/s. */
    public static final double MIN_LOG10_GUESSES = 20.0;

    /** Longest input zxcvbn4j rates at once: 32 characters of words take about a millisecond. */
    static final int SEGMENT_CHARS = 32;

    /** The limit when a window holds many l33t characters (random input): 20 take about a millisecond. */
    static final int L33T_SEGMENT_CHARS = 20;

    /** The characters zxcvbn4j's l33t table substitutes for letters (L33tMatcher.L33T_TABLE). */
    private static final String L33T_CHARS = "4@8({[<3691!|70$5+%2";

    /** A repeat shorter than this is left to zxcvbn (common word endings are not copies). */
    static final int MIN_COPY = 5;

    /** log10 subtracted per segment beyond the first, for matches a boundary may have cut. */
    static final double SEGMENT_PENALTY_LOG10 = 3.0;

    static final String WELL_KNOWN = "it is a well-known example passphrase";

    private static final class Holder {
        static final Zxcvbn ZXCVBN = new Zxcvbn();
        static final WellKnownPassphrases WELL_KNOWN_LIST = WellKnownPassphrases.load();
    }

    private PassphraseGate() {
    }

    /** Builds zxcvbn's dictionaries now (e.g. on a background thread at start-up) instead of on first use. */
    public static void warmUp() {
        Holder.ZXCVBN.measure("warm up");
    }

    /**
     * Rates {@code passphrase}; {@code userInputs} are the words an attacker would try first: the
     * repository name and the names of the people in the ceremony. The passphrase is not modified.
     */
    public static PassphraseRating rate(Passphrase passphrase, List<String> userInputs) {
        char[] text = passphrase.chars();
        List<String> inputs = userInputs == null ? List.of() : userInputs.stream()
                .filter(s -> s != null && !s.isBlank()).toList();
        if (isWellKnown(text)) {
            return new PassphraseRating(0, false, Optional.of(capitalize(WELL_KNOWN) + "."), 0,
                    CrackTime.format(0), "This is a well-known example passphrase.",
                    List.of("Generate a passphrase with the diceware generator."));
        }

        boolean[] removed = new boolean[text.length];
        boolean containsWellKnown = markKnownSpans(text, inputs, removed);
        markCopies(text, removed);
        markKeyboardShapes(text, removed);

        double log10 = 0;
        int segments = 0;
        Feedback weakest = null;
        double weakestLog10 = Double.POSITIVE_INFINITY;
        int i = 0;
        while (i < text.length) {
            if (removed[i]) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < text.length && !removed[runEnd]) {
                runEnd++;
            }
            for (int start = i; start < runEnd; ) {
                int end = segmentEnd(text, start, runEnd);
                Feedback f = measure(text, start, end, inputs);
                log10 += f.log10;
                segments++;
                if (f.log10 < weakestLog10) {
                    weakestLog10 = f.log10;
                    weakest = f;
                }
                start = end;
            }
            i = runEnd;
        }
        Arrays.fill(removed, false); // where the repeats were says something about the secret
        if (segments > 1) {
            log10 = Math.max(0, log10 - SEGMENT_PENALTY_LOG10 * (segments - 1));
        }

        boolean accepted = log10 >= MIN_LOG10_GUESSES;
        Optional<String> reason = accepted ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
                "Too guessable: about 10^%d guesses, need 10^%d.", (int) Math.floor(log10), (int) MIN_LOG10_GUESSES));
        String warning = weakest == null ? "" : weakest.warning;
        List<String> suggestions = new ArrayList<>(weakest == null ? List.of() : weakest.suggestions);
        if (containsWellKnown) {
            warning = "It contains a well-known example passphrase, which counts for nothing.";
        }
        if (!accepted && suggestions.isEmpty()) {
            suggestions.add("Add another word or two. Uncommon words are better.");
        }
        return new PassphraseRating(log10, accepted, reason, score(log10), CrackTime.format(log10), warning, suggestions);
    }

    /** zxcvbn's score thresholds (scoring.js: guesses &lt; 10^3+5, 10^6+5, 10^8+5, 10^10+5). */
    static int score(double log10) {
        double delta = 5;
        double g = Math.pow(10, log10);
        if (g < 1e3 + delta) return 0;
        if (g < 1e6 + delta) return 1;
        if (g < 1e8 + delta) return 2;
        if (g < 1e10 + delta) return 3;
        return 4;
    }

    static boolean isWellKnown(char[] text) {
        char[] n = WellKnownPassphrases.normalize(text, null);
        try {
            for (char[] entry : Holder.WELL_KNOWN_LIST.entries()) {
                if (Arrays.equals(n, entry)) {
                    return true;
                }
            }
            return false;
        } finally {
            Arrays.fill(n, '\0');
        }
    }

    /** Marks well-known passphrases and user inputs (3+ letters/digits) found anywhere; true if a well-known one was. */
    static boolean markKnownSpans(char[] text, List<String> userInputs, boolean[] removed) {
        int[] origin = new int[text.length];
        char[] n = WellKnownPassphrases.normalize(text, origin);
        try {
            boolean wellKnown = false;
            for (char[] entry : Holder.WELL_KNOWN_LIST.entries()) {
                wellKnown |= markOccurrences(n, origin, entry, removed);
            }
            for (String input : userInputs) {
                char[] e = WellKnownPassphrases.normalize(input.toCharArray(), null);
                if (e.length >= 3) {
                    markOccurrences(n, origin, e, removed);
                }
            }
            return wellKnown;
        } finally {
            Arrays.fill(n, '\0');
            Arrays.fill(origin, 0);
        }
    }

    private static boolean markOccurrences(char[] n, int[] origin, char[] needle, boolean[] removed) {
        boolean found = false;
        for (int s = 0; s + needle.length <= n.length; s++) {
            if (Arrays.equals(n, s, s + needle.length, needle, 0, needle.length)) {
                Arrays.fill(removed, origin[s], origin[s + needle.length - 1] + 1, true);
                found = true;
            }
        }
        return found;
    }

    /** LZ77 over the lower-cased text: a span of MIN_COPY+ chars equal to one starting earlier is a copy. */
    static void markCopies(char[] text, boolean[] removed) {
        char[] lower = new char[text.length];
        for (int k = 0; k < text.length; k++) {
            lower[k] = Character.toLowerCase(text[k]);
        }
        try {
            markRepeats(lower, removed);
        } finally {
            Arrays.fill(lower, '\0');
        }
    }

    /**
     * Keyboard walks of a repeated shape ("1qaz2wsx3edc4rfv…", "qwertyuiop…"): the same LZ77 over the
     * key-to-key moves on a US keyboard, so a stretch whose moves repeat earlier moves counts for
     * nothing beyond the key it starts from. zxcvbn rates such multi-column walks as strong (l! grows).
     */
    static void markKeyboardShapes(char[] text, boolean[] removed) {
        char[] moves = new char[text.length];
        try {
            int prev = -1;
            for (int k = 0; k < text.length; k++) {
                int key = keyPosition(text[k]);
                // A move is (row delta, column delta); a key off the grid gets a move no other position has.
                moves[k] = (key < 0 || prev < 0) ? (char) (0xE000 + k)
                        : (char) (0x100 + ((key / 16 - prev / 16) + 8) * 32 + ((key % 16 - prev % 16) + 16));
                prev = key;
            }
            markRepeats(moves, removed);
        } finally {
            Arrays.fill(moves, '\0');
        }
    }

    private static final String[] KEY_ROWS = {"`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./"};
    private static final String[] SHIFTED_ROWS = {"~!@#$%^&*()_+", "QWERTYUIOP{}|", "ASDFGHJKL:\"", "ZXCVBNM<>?"};

    /** row * 16 + column on a US keyboard (shift ignored), or -1. */
    private static int keyPosition(char c) {
        for (int r = 0; r < KEY_ROWS.length; r++) {
            int col = KEY_ROWS[r].indexOf(c);
            if (col < 0) {
                col = SHIFTED_ROWS[r].indexOf(c);
            }
            if (col >= 0) {
                return r * 16 + col;
            }
        }
        return -1;
    }

    private static void markRepeats(char[] seq, boolean[] removed) {
        int i = 1;
        while (i < seq.length) {
            int best = 0;
            for (int j = 0; j < i; j++) {
                int len = 0;
                while (i + len < seq.length && seq[j + len] == seq[i + len]) {
                    len++;
                }
                best = Math.max(best, len);
            }
            if (best >= MIN_COPY) {
                Arrays.fill(removed, i, i + best, true);
                i += best;
            } else {
                i++;
            }
        }
    }

    /** End of the segment starting at {@code start}: at most SEGMENT_CHARS, after a separator if one is near. */
    static int segmentEnd(char[] text, int start, int runEnd) {
        int max = l33tHeavy(text, start, Math.min(runEnd, start + SEGMENT_CHARS)) ? L33T_SEGMENT_CHARS : SEGMENT_CHARS;
        if (runEnd - start <= max) {
            return runEnd;
        }
        int limit = start + max;
        for (int k = limit - 1; k >= start + max / 2; k--) {
            if (isSeparator(text[k])) {
                return k + 1;
            }
        }
        return limit;
    }

    /** More than 4 distinct characters of zxcvbn's l33t table: its l33t matcher's cost explodes. */
    static boolean l33tHeavy(char[] text, int start, int end) {
        long seen = 0;
        for (int k = start; k < end; k++) {
            int idx = L33T_CHARS.indexOf(text[k]);
            if (idx >= 0) {
                seen |= 1L << idx;
            }
        }
        return Long.bitCount(seen) > 4;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == '-' || c == '_' || c == '.' || c == ',' || c == '/';
    }

    private record Feedback(double log10, String warning, List<String> suggestions) {
    }

    private static Feedback measure(char[] text, int start, int end, List<String> inputs) {
        // zxcvbn4j's Strength.wipe() overwrites the CharBuffer it was given (and the token views over
        // it), so it gets a copy of the segment that we own and zero, not the passphrase's array.
        char[] segment = Arrays.copyOfRange(text, start, end);
        Strength s = null;
        try {
            s = Holder.ZXCVBN.measure(CharBuffer.wrap(segment), inputs);
            var fb = s.getFeedback();
            return new Feedback(s.getGuessesLog10(), fb.getWarning(Locale.ENGLISH),
                    List.copyOf(fb.getSuggestions(Locale.ENGLISH)));
        } finally {
            if (s != null) {
                s.wipe();
            }
            Arrays.fill(segment, '\0');
        }
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
