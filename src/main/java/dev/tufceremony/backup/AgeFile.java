package dev.tufceremony.backup;

import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.secret.SecretBytes;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An age v1 file whose header has been parsed (strictly) but not yet decrypted. Lets the caller see
 * the work factor (memory, time, test-only) before spending the scrypt cost, then decrypt.
 * Decryption follows age's order: stanzas, header MAC, nonce, payload; each failure carries its
 * {@link AgeException.Stage}.
 */
public final class AgeFile {
    private static final int NONCE_SIZE = 16;

    private final byte[] data;
    private final AgeHeader header;

    private AgeFile(byte[] data, AgeHeader header) {
        this.data = data;
        this.header = header;
    }

    /**
     * Parses the header; keeps a reference to {@code file} (ciphertext, not secret) for decryption.
     * An ASCII-armored file (whitespace, then the armor's BEGIN line) is unwrapped first.
     */
    public static AgeFile parse(byte[] file) {
        byte[] binary = AgeArmor.looksArmored(file) ? AgeArmor.decode(file) : file;
        return new AgeFile(binary, AgeHeader.parse(binary));
    }

    public List<Stanza> stanzas() {
        return header.stanzas;
    }

    /** True when the file has a scrypt (passphrase) stanza. */
    public boolean isPassphraseEncrypted() {
        return header.stanzas.stream().anyMatch(s -> s.type().equals(ScryptStanza.TYPE));
    }

    /**
     * The scrypt work factor if the file is passphrase-encrypted (checked strictly; above 22 is a
     * header failure). {@link WorkFactor#isTestOnly()} tells a file made with a test-only value.
     */
    public Optional<WorkFactor> passphraseWorkFactor() {
        return header.stanzas.stream().filter(s -> s.type().equals(ScryptStanza.TYPE)).findFirst()
                .map(ScryptStanza::workFactor);
    }

    /** Decrypts with a passphrase; the caller destroys the result. */
    public SecretBytes decrypt(Passphrase passphrase) {
        checkScryptAlone();
        if (!isPassphraseEncrypted()) {
            throw new AgeException(AgeException.Stage.NO_MATCH,
                    "The file is not encrypted with a passphrase (it has no scrypt recipient), so no passphrase opens it.");
        }
        return decryptWith(s -> s.type().equals(ScryptStanza.TYPE) ? ScryptStanza.unwrap(s, passphrase) : null,
                "The passphrase does not open the file: it is not the passphrase the file was encrypted with.");
    }

    public SecretBytes decrypt(X25519Identity identity) {
        return decrypt(List.of(identity));
    }

    /** Decrypts with the first identity whose recipient stanza opens; the caller destroys the result. */
    public SecretBytes decrypt(Collection<X25519Identity> identities) {
        checkScryptAlone();
        return decryptWith(s -> {
            if (!s.type().equals(X25519Stanza.TYPE)) {
                return null;
            }
            for (X25519Identity id : identities) {
                byte[] fileKey = X25519Stanza.unwrap(s, id);
                if (fileKey != null) {
                    return fileKey;
                }
            }
            return null;
        }, "None of the given age identities opens the file: it was encrypted to other recipients.");
    }

    /** age v1: an scrypt stanza must be the only stanza (it proves the passphrase holder wrote the file). */
    private void checkScryptAlone() {
        if (header.stanzas.size() > 1 && isPassphraseEncrypted()) {
            throw AgeException.header("The file has a scrypt (passphrase) stanza next to other stanzas, which age v1 forbids.");
        }
    }

    private SecretBytes decryptWith(Function<Stanza, byte[]> unwrap, String noMatchMessage) {
        byte[] fileKey = null;
        for (Stanza s : header.stanzas) {
            fileKey = unwrap.apply(s);
            if (fileKey != null) {
                break;
            }
        }
        if (fileKey == null) {
            throw new AgeException(AgeException.Stage.NO_MATCH, noMatchMessage);
        }
        byte[] payloadKey = null;
        try {
            if (fileKey.length != ScryptStanza.FILE_KEY_SIZE) {
                throw AgeException.header("The file key in the header is not 16 bytes.");
            }
            byte[] macKey = AgeCrypto.hkdf(fileKey, new byte[0], "header", 32);
            byte[] mac = AgeCrypto.hmacSha256(macKey, data, 0, header.macInputLength);
            Arrays.fill(macKey, (byte) 0);
            if (!MessageDigest.isEqual(mac, header.mac)) {
                throw new AgeException(AgeException.Stage.HMAC,
                        "The age header's MAC does not match: the header was changed or damaged after it was written.");
            }
            if (data.length - header.payloadOffset < NONCE_SIZE) {
                throw AgeException.header("The file ends before the 16-byte payload nonce: it is truncated.");
            }
            byte[] nonce = Arrays.copyOfRange(data, header.payloadOffset, header.payloadOffset + NONCE_SIZE);
            payloadKey = AgeCrypto.hkdf(fileKey, nonce, "payload", 32);
            int start = header.payloadOffset + NONCE_SIZE;
            return SecretBytes.wrap(PayloadStream.decrypt(payloadKey, data, start, data.length - start));
        } finally {
            Arrays.fill(fileKey, (byte) 0);
            if (payloadKey != null) {
                Arrays.fill(payloadKey, (byte) 0);
            }
        }
    }
}
