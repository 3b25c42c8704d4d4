package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.backup.AgeFile;
import dev.tufceremony.backup.KeyBackup;
import dev.tufceremony.backup.WorkFactor;
import dev.tufceremony.backup.X25519Recipient;
import dev.tufceremony.keys.SigningKey;
import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.secret.SecretBytes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;

/** Encrypted key files: root backups and exported online keys (age v1, PKCS#8 PEM inside). */
final class KeyFiles {
    static final String KEY_SUFFIX = ".key.age";
    static final String SIDECAR_SUFFIX = ".pub.json";

    private KeyFiles() {
    }

    static WorkFactor workFactor(WorkFactorChoice choice) {
        return choice.testOnly() ? WorkFactor.forTestsOnly(choice.logN()) : WorkFactor.of(choice.logN());
    }

    /**
     * The online key's two export files ({@code <role>-<keyid16>.key.age + .pub.json}, names relative
     * to {@code online-keys/}), encrypted as the operator chose.
     */
    static Map<String, byte[]> exportOnlineKey(SigningKey key, OnlineRole role, String repository,
            OnlineKeyProtection protection, WorkFactor workFactor, Instant created, SecureRandom random) {
        if (protection instanceof OnlineKeyProtection.ToRecipient r) {
            return KeyBackup.exportToRecipient(key, role.roleName(), repository, X25519Recipient.parse(r.ageRecipient()),
                    created, random);
        }
        return KeyBackup.exportUnderPassphrase(key, role.roleName(), repository,
                ((OnlineKeyProtection.UnderPassphrase) protection).passphrase(), workFactor, created, random);
    }

    /**
     * Proves, before the bytes are written anywhere, that an age file made under {@code passphrase}
     * opens to {@code expected} (catches a bad encryption or a passphrase mix-up while the key is
     * still in memory).
     */
    static void requireOpensTo(byte[] ageFile, Passphrase passphrase, SigningKey expected, String what) {
        try (SecretBytes pem = AgeFile.parse(ageFile).decrypt(passphrase);
                SigningKey back = SigningKey.fromPkcs8Pem(pem.reveal())) {
            if (!back.keyId().equals(expected.keyId())) {
                throw new CeremonyError("The " + what + " did not decrypt to the key it was made from; nothing of it was written — run the ceremony again.");
            }
        }
    }
}
