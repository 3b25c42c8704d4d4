package dev.tufceremony.passphrase;

import java.util.List;
import java.util.Optional;

/**
 * The verdict on one passphrase. Holds no secret: only numbers and zxcvbn4j's English feedback.
 *
 * @param log10Guesses    estimated guesses an attacker needs, as log10 (zxcvbn's model)
 * @param accepted        true when the passphrase may protect a root key
 * @param rejectionReason why not, one sentence; empty when accepted
 * @param score           zxcvbn's 0–4 score for {@code log10Guesses}
 * @param crackTime       a number with its unit at {@link CrackTime#GUESSES_PER_SECOND} guesses/s
 * @param warning         zxcvbn's warning, or empty
 * @param suggestions     zxcvbn's suggestions
 */
public record PassphraseRating(
        double log10Guesses,
        boolean accepted,
        Optional<String> rejectionReason,
        int score,
        String crackTime,
        String warning,
        List<String> suggestions) {

    public PassphraseRating {
        suggestions = List.copyOf(suggestions);
    }
}
