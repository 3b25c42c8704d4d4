package dev.tufceremony.passphrase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tufceremony.secret.Passphrase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DicewareGeneratorTest {

    @Test
    void theShippedWordlistIsEffsFileByteForByte() throws Exception {
        byte[] bytes;
        try (InputStream in = DicewareGenerator.class.getResourceAsStream(DicewareGenerator.WORDLIST)) {
            bytes = in.readAllBytes();
        }
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo("addd35536511597a02fa0a9ff1e5284677b8883b83e986e43f15a3db996b903e");
        String[] lines = new String(bytes, StandardCharsets.US_ASCII).split("\n");
        assertThat(lines).hasSize(7776);
        assertThat(lines[0]).isEqualTo("11111\tabacus");
        assertThat(lines[7775]).isEqualTo("66666\tzoom");
        assertThat(DicewareGenerator.load()).hasSize(7776);
    }

    @Test
    void generatesSevenWordsFromTheListBySpaces() {
        Set<String> words = new HashSet<>();
        for (char[] w : DicewareGenerator.load()) {
            words.add(new String(w));
        }
        try (Passphrase p = new DicewareGenerator(new SecureRandom()).generate()) {
            String[] parts = new String(p.chars()).split(" ");
            assertThat(parts).hasSize(7);
            assertThat(words).contains(parts);
        }
    }

    @Test
    void aSeededGeneratorIsReproducibleAndDifferentSeedsDiffer() throws Exception {
        assertThat(phrase(1)).isEqualTo(phrase(1)).isNotEqualTo(phrase(2));
    }

    private static String phrase(long seed) throws Exception {
        SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
        r.setSeed(seed);
        try (Passphrase p = new DicewareGenerator(r).generate(5)) {
            return new String(p.chars());
        }
    }

    @Test
    void usesEveryPartOfTheList() {
        // 20,000 draws of 7776 words: each of the six leading dice digits must show up.
        DicewareGenerator gen = new DicewareGenerator(new SecureRandom());
        List<char[]> list = DicewareGenerator.load();
        Set<Integer> buckets = new HashSet<>();
        Set<String> firstWords = new HashSet<>();
        for (int k = 0; k < 2000; k++) {
            try (Passphrase p = gen.generate(10)) {
                for (String w : new String(p.chars()).split(" ")) {
                    firstWords.add(w);
                }
            }
        }
        for (int i = 0; i < list.size(); i++) {
            if (firstWords.contains(new String(list.get(i)))) {
                buckets.add(i / 1296);
            }
        }
        assertThat(buckets).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(firstWords.size()).isGreaterThan(7000);
    }

    @Test
    void entropyIsWordsTimesLog2Of7776() {
        assertThat(DicewareGenerator.entropyBits(1)).isCloseTo(12.925, org.assertj.core.data.Offset.offset(0.001));
        assertThat(DicewareGenerator.entropyBits(7)).isCloseTo(90.47, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void theGeneratedArrayIsZeroAfterClose() {
        Passphrase p = new DicewareGenerator(new SecureRandom()).generate();
        char[] handedBack = p.chars();
        assertThat(handedBack).isNotEmpty();
        p.close();
        assertThat(handedBack).containsOnly('\0');
    }

    @Test
    void refusesSillyWordCounts() {
        DicewareGenerator gen = new DicewareGenerator(new SecureRandom());
        assertThatThrownBy(() -> gen.generate(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
