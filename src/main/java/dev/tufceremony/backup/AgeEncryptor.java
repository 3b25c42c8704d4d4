package dev.tufceremony.backup;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.secret.Passphrase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes age v1 files (age-encryption.org/v1), unarmored, to one passphrase or to X25519 recipients. */
public final class AgeEncryptor {
    private AgeEncryptor() {
    }

    /**
     * Encrypts to a passphrase: exactly one scrypt stanza, as age v1 requires. The plaintext is
     * neither kept nor wiped (the caller owns it).
     */
    public static byte[] encryptWithPassphrase(byte[] plaintext, Passphrase passphrase, WorkFactor workFactor,
            SecureRandom random) {
        if (passphrase.chars().length == 0) {
            throw new CeremonyError("The passphrase is empty: an age file needs a passphrase to protect it.");
        }
        byte[] fileKey = newFileKey(random);
        try {
            Stanza stanza = ScryptStanza.wrap(fileKey, passphrase, workFactor, random);
            return assemble(List.of(stanza), fileKey, plaintext, random);
        } finally {
            Arrays.fill(fileKey, (byte) 0);
        }
    }

    public static byte[] encryptToRecipient(byte[] plaintext, X25519Recipient recipient, SecureRandom random) {
        return encryptToRecipients(plaintext, List.of(recipient), random);
    }

    /** Encrypts to one or more X25519 recipients (one stanza each); any of their identities opens it. */
    public static byte[] encryptToRecipients(byte[] plaintext, List<X25519Recipient> recipients, SecureRandom random) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("no recipients");
        }
        byte[] fileKey = newFileKey(random);
        try {
            List<Stanza> stanzas = new ArrayList<>();
            for (X25519Recipient r : recipients) {
                stanzas.add(X25519Stanza.wrap(fileKey, r, random));
            }
            return assemble(stanzas, fileKey, plaintext, random);
        } finally {
            Arrays.fill(fileKey, (byte) 0);
        }
    }

    private static byte[] newFileKey(SecureRandom random) {
        byte[] fileKey = new byte[ScryptStanza.FILE_KEY_SIZE];
        random.nextBytes(fileKey);
        return fileKey;
    }

    /** Header, its MAC under HKDF(file key, "header"), the nonce, then the STREAM payload (age v1, "Header MAC", "Payload"). */
    private static byte[] assemble(List<Stanza> stanzas, byte[] fileKey, byte[] plaintext, SecureRandom random) {
        byte[] header = AgeHeader.encodeWithoutMac(stanzas);
        byte[] macKey = AgeCrypto.hkdf(fileKey, new byte[0], "header", 32);
        byte[] mac = AgeCrypto.hmacSha256(macKey, header, 0, header.length);
        Arrays.fill(macKey, (byte) 0);
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        byte[] payloadKey = AgeCrypto.hkdf(fileKey, nonce, "payload", 32);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + 64 + plaintext.length + 16 * (plaintext.length / PayloadStream.CHUNK + 1) + 16);
            out.writeBytes(header);
            out.writeBytes((" " + AgeBase64.encode(mac) + "\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(nonce);
            PayloadStream.encrypt(payloadKey, plaintext, out);
            return out.toByteArray();
        } finally {
            Arrays.fill(payloadKey, (byte) 0);
        }
    }
}
