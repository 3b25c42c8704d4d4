package dev.tufceremony.backup;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * RECOVERY.txt: how to get the key back with stock tools only (age, openssl), years from now,
 * without this program, and how to check it is the right key.
 */
final class RecoveryInstructions {
    private RecoveryInstructions() {
    }

    static String text(KeySidecar sidecar, String keyFileName, String publicKeyPem) {
        int logN = sidecar.workFactor().orElseThrow();
        long mib = WorkFactor.fromFile(logN).memoryBytes() >> 20;
        String memory = mib >= 1024 ? (mib / 1024) + " GiB" : mib + " MiB";
        StringBuilder sb = new StringBuilder();
        sb.append("ROOT KEY BACKUP - HOW TO RECOVER IT WITHOUT tuf-ceremony\n");
        sb.append("=======================================================\n\n");
        sb.append("Repository:  ").append(sidecar.repository()).append('\n');
        sb.append("Role:        ").append(sidecar.role()).append('\n');
        sb.append("Key ID:      ").append(sidecar.keyId()).append('\n');
        sb.append("Key type:    ").append(sidecar.key().keytype()).append(" (scheme ").append(sidecar.key().scheme()).append(")\n");
        sb.append("Created:     ").append(DateTimeFormatter.ISO_INSTANT.format(sidecar.created().truncatedTo(ChronoUnit.SECONDS))).append('\n');
        sb.append("File:        ").append(keyFileName).append('\n');
        sb.append("Format:      age v1 (https://age-encryption.org/v1), one passphrase (scrypt) recipient,\n");
        sb.append("             work factor ").append(logN).append(" (needs ").append(memory)
                .append(" of free memory); inside: the private key as unencrypted PKCS#8 PEM.\n");
        if (logN < WorkFactor.MIN) {
            sb.append("\nWARNING: this file was made with a test-only work factor. It is not a real backup.\n");
        }
        sb.append("\nThe passphrase is not written anywhere on this drive.\n\n");
        sb.append("Do this only on an offline machine (no network), and only as long as needed.\n");
        sb.append("Tools: age 1.1 or later (the Debian/Ubuntu package 'age', or https://github.com/FiloSottile/age)\n");
        sb.append("and OpenSSL 1.1.1 or later. Work in a RAM-backed folder so that the decrypted key never\n");
        sb.append("reaches a disk or flash drive:\n\n");
        sb.append("       cp ").append(keyFileName).append(" /dev/shm/ && cd /dev/shm\n\n");
        sb.append("1. Decrypt (age asks for the passphrase):\n\n");
        sb.append("       age -d -o root.pem ").append(keyFileName).append("\n\n");
        sb.append("2. Print the public key of what you decrypted:\n\n");
        sb.append("       openssl pkey -in root.pem -pubout\n\n");
        sb.append("3. Compare it with this public key; they must be identical:\n\n");
        for (String line : publicKeyPem.strip().split("\n")) {
            sb.append("       ").append(line).append('\n');
        }
        String tufPublic = sidecar.key().keyval().get("public");
        if (tufPublic != null && !tufPublic.startsWith("-----BEGIN")) {
            // ed25519: TUF lists the raw 32-byte key in hex; the PEM above wraps the same bytes.
            sb.append("\n   In TUF metadata the same key is keyval.public = ").append(tufPublic).append('\n');
        }
        sb.append("\n   Key ID (as root.json lists it): ").append(sidecar.keyId()).append("\n\n");
        sb.append("   The sidecar ").append(keyFileName.replace(KeyBackup.KEY_SUFFIX, KeyBackup.SIDECAR_SUFFIX))
                .append(" holds the same public key; root.json in this folder lists it\n");
        sb.append("   under \"keys\" with this keyid.\n\n");
        sb.append("4. When you are done, destroy the decrypted key:\n\n");
        sb.append("       shred -u root.pem\n\n");
        sb.append("   (shred cannot reliably erase flash drives or SSDs: that is why root.pem belongs in /dev/shm.)\n");
        return sb.toString();
    }
}
