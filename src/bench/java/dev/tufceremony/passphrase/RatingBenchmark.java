package dev.tufceremony.passphrase;

import com.nulabinc.zxcvbn.Zxcvbn;
import dev.tufceremony.secret.Passphrase;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Latency of rating a passphrase: zxcvbn4j on the whole input versus {@link PassphraseGate#rate}, at
 * 10/30/60/100/128 characters of dictionary words and of random printable characters. Prints a
 * Markdown table. Not a test: run with ceremony-scripts/bench-passphrase.sh.
 */
public final class RatingBenchmark {

    private static final int[] LENGTHS = {10, 30, 60, 100, 128};
    private static final List<String> USER_INPUTS = List.of("acme-updates", "Alice Example");

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int wholeSamplesSlow = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Random seed = new Random(20261126L);
        List<char[]> words = DicewareGenerator.load();
        Zxcvbn zxcvbn = new Zxcvbn();
        PassphraseGate.warmUp();
        // JIT warm-up on inputs of every kind and length.
        for (int k = 0; k < 30; k++) {
            for (int len : LENGTHS) {
                rateGate(wordsOf(words, seed, len));
                rateGate(randomOf(seed, len));
                zxcvbn.measure(wordsOf(words, seed, Math.min(len, 60)), USER_INPUTS);
                zxcvbn.measure(randomOf(seed, Math.min(len, 30)), USER_INPUTS);
            }
        }
        System.out.printf(Locale.ROOT, "Machine: %d cores, %s %s; %d samples (whole zxcvbn4j on random 60+: %d)%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), samples, wholeSamplesSlow);
        System.out.println("| input | length | zxcvbn4j whole p50 | p99 | PassphraseGate.rate p50 | p99 | max | log10 guesses, median: whole / gate |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String kind : List.of("words", "random")) {
            for (int len : LENGTHS) {
                // Timed apart, each on its own inputs, so one's garbage does not land in the other's numbers.
                boolean slow = kind.equals("random") && len >= 60;
                int nWhole = slow ? wholeSamplesSlow : samples;
                double[] gate = new double[samples];
                double[] gateLog = new double[samples];
                System.gc();
                for (int k = 0; k < samples; k++) {
                    String s = kind.equals("words") ? wordsOf(words, seed, len) : randomOf(seed, len);
                    long t0 = System.nanoTime();
                    gateLog[k] = rateGate(s);
                    gate[k] = (System.nanoTime() - t0) / 1e6;
                }
                double[] whole = new double[nWhole];
                double[] wholeLog = new double[nWhole];
                System.gc();
                for (int k = 0; k < nWhole; k++) {
                    String s = kind.equals("words") ? wordsOf(words, seed, len) : randomOf(seed, len);
                    long t0 = System.nanoTime();
                    wholeLog[k] = zxcvbn.measure(s, USER_INPUTS).getGuessesLog10();
                    whole[k] = (System.nanoTime() - t0) / 1e6;
                }
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f / %.1f |%n",
                        kind, len, pct(whole, 50), pct(whole, 99), pct(gate, 50), pct(gate, 99), pct(gate, 100),
                        pct(wholeLog, 50), pct(gateLog, 50));
            }
        }
    }

    private static double rateGate(String s) {
        try (Passphrase p = Passphrase.copyOf(s.toCharArray())) {
            return PassphraseGate.rate(p, USER_INPUTS).log10Guesses();
        }
    }

    /** Dictionary words joined by spaces, cut to exactly {@code len} characters. */
    static String wordsOf(List<char[]> words, Random r, int len) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < len) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(words.get(r.nextInt(words.size())));
        }
        return sb.substring(0, len);
    }

    /** Random printable ASCII (33..126). */
    static String randomOf(Random r, int len) {
        char[] c = new char[len];
        for (int k = 0; k < len; k++) {
            c[k] = (char) (33 + r.nextInt(94));
        }
        return new String(c);
    }

    private static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int idx = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, idx))];
    }

    private RatingBenchmark() {
    }
}
