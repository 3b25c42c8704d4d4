package dev.tufceremony.passphrase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrackTimeTest {

    private static double log10(double guesses) {
        return Math.log10(guesses);
    }

    @Test
    void picksTheUnitAndCountsWholeUnitsAtTenThousandGuessesPerSecond() {
        assertThat(CrackTime.format(log10(5_000))).isEqualTo("less than a second");
        assertThat(CrackTime.format(log10(10_000))).isEqualTo("1 second");
        assertThat(CrackTime.format(log10(590_000))).isEqualTo("59 seconds");
        assertThat(CrackTime.format(log10(1_200_000))).isEqualTo("2 minutes");
        assertThat(CrackTime.format(log10(3 * 3600 * 1e4))).isEqualTo("3 hours");
        assertThat(CrackTime.format(log10(40 * 86400 * 1e4))).isEqualTo("40 days");
        assertThat(CrackTime.format(log10(31_557_600 * 1e4 * 1.5))).isEqualTo("1 year");
    }

    @Test
    void neverStopsAtTheWordCenturies() {
        // 10^22 guesses / 10^4 per s = 10^18 s = 316,880,878.1 centuries of 3,155,760,000 s.
        assertThat(CrackTime.format(22)).isEqualTo("316,880,878 centuries");
        assertThat(CrackTime.format(40)).startsWith("316,880,878,").endsWith(" centuries");
        assertThat(CrackTime.format(120)).matches("[0-9]{1,3}(,[0-9]{3})+ centuries");
    }
}
