package dev.tufceremony.passphrase;

import static org.assertj.core.api.Assertions.assertThat;

import com.nulabinc.zxcvbn.Zxcvbn;
import dev.tufceremony.secret.Passphrase;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassphraseGateTest {

    private static final List<String> INPUTS = List.of("acme-updates", "Alice Example", "Bob Builder");
    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    private static PassphraseRating rate(String s) {
        try (Passphrase p = Passphrase.copyOf(s.toCharArray())) {
            return PassphraseGate.rate(p, INPUTS);
        }
    }

    @Test
    void acceptsASeededSevenWordDicewarePhrase() throws Exception {
        SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(20261126L);
        try (Passphrase p = new DicewareGenerator(seeded).generate()) {
            PassphraseRating r = PassphraseGate.rate(p, INPUTS);
            assertThat(r.accepted()).as("log10 %s", r.log10Guesses()).isTrue();
            assertThat(r.rejectionReason()).isEmpty();
            assertThat(r.score()).isEqualTo(4);
            assertThat(r.crackTime()).endsWith(" centuries");
        }
    }

    @Test
    void acceptsFreshlyGeneratedPhrases() {
        DicewareGenerator gen = new DicewareGenerator(new SecureRandom());
        for (int k = 0; k < 5; k++) {
            try (Passphrase p = gen.generate()) {
                assertThat(PassphraseGate.rate(p, INPUTS).accepted()).isTrue();
            }
        }
    }

    @Test
    void rejectsWellKnownExamplesEvenWithOtherCaseAndSeparators() {
        for (String s : List.of("correct horse battery staple", "Correct-Horse-Battery-Staple", "correcthorsebatterystaple",
                "Tr0ub4dor&3", "quartz lantern mosaic orbit fennel harbor")) {
            PassphraseRating r = rate(s);
            assertThat(r.accepted()).as(s).isFalse();
            assertThat(r.rejectionReason()).as(s).hasValueSatisfying(m -> assertThat(m).contains("well-known"));
        }
    }

    @Test
    void aWellKnownExampleInsideALongerPhraseCountsForNothing() {
        PassphraseRating r = rate("correct horse battery staple 1984!");
        assertThat(r.accepted()).isFalse();
        assertThat(r.warning()).contains("well-known");
    }

    @Test
    void rejectsTheRepositoryNameAndNamesPlusDigits() {
        for (String s : List.of("acme-updates2024", "acme-updates-2024-12-31", "ACME updates 123456789",
                "alice example 1987 bob builder 1990", "acme-updates2024acme-updates2025")) {
            PassphraseRating r = rate(s);
            assertThat(r.accepted()).as(s).isFalse();
            assertThat(r.rejectionReason()).as(s).hasValueSatisfying(m -> assertThat(m).startsWith("Too guessable"));
        }
    }

    @Test
    void rejectsKeyboardWalks() {
        for (String s : List.of("qwertyuiop", "qwertyuiopasdfghjkl", "1qaz2wsx3edc4rfv5tgb6yhn", "zxcvbnm,./asdfghjkl;'qwertyuiop[]",
                "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/", "qwertyuiop[]asdfghjkl;zxcvbnm,./qwertyuiop[]asdfghjkl;",
                "qazwsxedcrfvtgbyhnujmikolp", "!QAZ@WSX#EDC$RFV%TGB^YHN&UJM*IK<(OL>)P:?")) {
            assertThat(rate(s).accepted()).as(s).isFalse();
        }
    }

    @Test
    void aRepeatedWordDoesNotLookStrong() {
        assertThat(rate("password password password password").accepted()).isFalse();
        String word = "quixotic ";
        assertThat(rate(word.repeat(8).trim()).accepted()).isFalse();
        // A strong-looking block repeated: zxcvbn charges little for the repeats, and so do we.
        assertThat(rate("k8#Pq2!zLm".repeat(12)).log10Guesses()).isLessThan(20);
        assertThat(rate("Zebra-Quill-7-Marsh ".repeat(6)).accepted()).isFalse();
    }

    @Test
    void reportsFeedbackAndACrackTimeNumber() {
        PassphraseRating r = rate("password password password password");
        assertThat(r.warning()).isNotEmpty();
        assertThat(r.crackTime()).matches("less than a second|[0-9,]+ (second|minute|hour|day|year|centur)[a-z]*");
        assertThat(r.score()).isLessThan(4);
        assertThat(r.rejectionReason().orElseThrow()).matches("Too guessable: about 10\\^\\d+ guesses, need 10\\^20\\.");
    }

    @Test
    void ratingFromSeveralThreadsAtOnceGivesTheSameAnswers() throws Exception {
        List<String> inputs = new ArrayList<>(List.of("Tr0ub4dor&4", "qwertyuiopasdfghjkl", "x7#kQ9!mZ2@vL5$w", "acme-updates2024"));
        SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(3);
        try (Passphrase p = new DicewareGenerator(seeded).generate()) {
            inputs.add(new String(p.chars()));
        }
        List<Double> expected = inputs.stream().map(s -> rate(s).log10Guesses()).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<Double>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> inputs.stream().map(s -> rate(s).log10Guesses()).toList()));
            }
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void passphrasesShownInOurTestsAndFixturesAreRefused() {
        for (String s : List.of("quartz lantern mosaic orbit fennel harbour", "stock age interop test passphrase",
                "reprint unlikable hedging scoff tweed graveyard wager")) {
            assertThat(rate(s).rejectionReason()).as(s).hasValueSatisfying(m -> assertThat(m).contains("well-known"));
        }
    }

    @Test
    void ratingLeavesThePassphraseIntact() throws Exception {
        // zxcvbn4j's Strength.wipe() blanks the CharSequence it rated: it must only ever see our copies.
        SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(11);
        try (Passphrase p = new DicewareGenerator(seeded).generate(9)) {
            char[] expected = p.chars().clone();
            PassphraseRating r = PassphraseGate.rate(p, INPUTS);
            assertThat(r.accepted()).isTrue();
            assertThat(p.chars()).containsExactly(expected);
            java.util.Arrays.fill(expected, '\0');
        }
    }

    @Test
    void shortInputsAreRatedExactlyAsZxcvbnDoes() {
        Zxcvbn z = ZXCVBN;
        for (String s : List.of("Tr0ub4dor&4", "hello world", "x7#kQ9!mZ2", "qwerty123", "dragon2019")) {
            double whole = z.measure(s, INPUTS).getGuessesLog10();
            assertThat(rate(s).log10Guesses()).as(s).isCloseTo(whole, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /**
     * The segmented estimate is meant as a lower bound of whole-input zxcvbn: on inputs zxcvbn rates
     * quickly it must never accept what zxcvbn on the whole input would reject.
     */
    @Test
    void segmentedRatingNeverTurnsAZxcvbnRejectionIntoAnAcceptance() {
        Zxcvbn z = ZXCVBN;
        List<String> corpus = new ArrayList<>(List.of(
                "password password password password password password",
                "iloveyou iloveyou iloveyou iloveyou iloveyou iloveyou",
                "qwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjklzxcvbnm",
                "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/",
                "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijkl",
                "acme-updates-2024-acme-updates-2025-acme-updates-2026",
                "the quick brown fox jumps over the lazy dog again",
                "01/01/1990 02/02/1991 03/03/1992 04/04/1993 05/05/1994",
                "monkey dragon master shadow sunshine princess football",
                "alice example bob builder alice example bob builder 1999",
                "1234567890123456789012345678901234567890123456789",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "zxcvbnm,./asdfghjkl;'qwertyuiop[]\\zxcvbnm,./asdfgh",
                "summer2024 winter2023 spring2022 autumn2021 summer2020",
                "qazwsxedcrfvtgbyhnujmikolpqazwsxedcrfvtgbyhnujm"));
        for (String word : List.of("password", "dragon", "letmein", "baseball", "master")) {
            corpus.add((word + "1 ").repeat(6).trim());
            corpus.add(word.repeat(6));
        }
        for (String s : corpus) {
            double whole = z.measure(s, INPUTS).getGuessesLog10();
            double ours = rate(s).log10Guesses();
            if (whole < PassphraseGate.MIN_LOG10_GUESSES) {
                assertThat(ours).as("%s: whole %s", s, whole).isLessThan(PassphraseGate.MIN_LOG10_GUESSES);
            }
        }
    }

    /** On word phrases of 3–8 words (17–80 characters) the estimate stays at or below zxcvbn on the whole. */
    @Test
    void onWordPhrasesTheEstimateIsAtMostWholeInputZxcvbn() throws Exception {
        Zxcvbn z = ZXCVBN;
        SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
        seeded.setSeed(7);
        DicewareGenerator gen = new DicewareGenerator(seeded);
        for (int k = 0; k < 48; k++) {
            try (Passphrase p = gen.generate(3 + k % 6)) {
                String s = new String(p.chars());
                double whole = z.measure(s, INPUTS).getGuessesLog10();
                assertThat(PassphraseGate.rate(p, INPUTS).log10Guesses()).as(s).isLessThanOrEqualTo(whole + 1e-9);
            }
        }
    }
}
