package dev.tufceremony.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tufceremony.passphrase.DicewareGenerator;
import dev.tufceremony.passphrase.PassphraseGate;
import dev.tufceremony.passphrase.PassphraseRating;
import dev.tufceremony.secret.Passphrase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diceware words in the published screenshots can never protect a real key. */
class ScreenshotPassphraseTest {
    @Test
    void theScreenshotWordsAreOnTheWellKnownList() throws Exception {
        try (Passphrase shown = new DicewareGenerator(ScreenshotTour.seededRandom()).generate()) {
            PassphraseRating r = PassphraseGate.rate(shown, List.of());
            assertThat(r.accepted()).isFalse();
            assertThat(r.rejectionReason()).hasValueSatisfying(reason -> assertThat(reason).contains("well-known"));
        }
    }
}
