package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.passphrase.PassphraseGate;
import dev.tufceremony.passphrase.PassphraseRating;
import dev.tufceremony.secret.Passphrase;
import java.util.ArrayList;
import java.util.List;

/** The passphrase gate as a ceremony applies it: repository and people's names count as user inputs. */
final class Gate {
    private Gate() {
    }

    static List<String> userInputs(String repository, People people) {
        List<String> inputs = new ArrayList<>();
        inputs.add(repository);
        inputs.addAll(people.allNames());
        return inputs;
    }

    static void require(Passphrase passphrase, String what, List<String> userInputs) {
        PassphraseRating rating = PassphraseGate.rate(passphrase, userInputs);
        if (!rating.accepted()) {
            String reason = rating.rejectionReason().orElse("it is too easy to guess");
            throw new CeremonyError("The " + what + " does not pass the passphrase rule (at least 10^20 estimated guesses, "
                    + "no well-known phrase): " + stripPeriod(reason) + "; choose a stronger one, e.g. seven diceware words — nothing was written.");
        }
    }

    private static String stripPeriod(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
