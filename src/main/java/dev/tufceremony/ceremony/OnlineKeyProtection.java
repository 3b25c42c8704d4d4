package dev.tufceremony.ceremony;

import dev.tufceremony.secret.Passphrase;
import java.util.Objects;

/** How generated online private keys are encrypted for export (age, DESIGN §4). */
public sealed interface OnlineKeyProtection {
    /** age scrypt recipient; the ceremony takes ownership of the passphrase and wipes it when closed. */
    record UnderPassphrase(Passphrase passphrase) implements OnlineKeyProtection {
        public UnderPassphrase {
            Objects.requireNonNull(passphrase);
        }
    }

    /** age X25519 recipient ({@code age1...}) of the team that loads the keys into the secret manager. */
    record ToRecipient(String ageRecipient) implements OnlineKeyProtection {
        public ToRecipient {
            Objects.requireNonNull(ageRecipient);
            ageRecipient = ageRecipient.strip();
        }
    }
}
