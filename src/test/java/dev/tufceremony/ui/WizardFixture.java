package dev.tufceremony.ui;

import dev.tufceremony.media.DriveDetector;
import dev.tufceremony.passphrase.DicewareGenerator;
import dev.tufceremony.secret.Passphrase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Drives as plain folders under a temp dir, listed by a folder detector, and fresh passphrases. */
final class WizardFixture {
    private WizardFixture() {
    }

    /** Creates {@code names} under {@code root} and a detector that lists them (missing ones are left out). */
    static DriveDetector folders(Path root, String... names) throws IOException {
        List<Path> paths = new ArrayList<>();
        for (String n : names) {
            paths.add(Files.createDirectories(root.resolve(n)));
        }
        return DriveDetector.ofFolders(paths);
    }

    /** A fresh diceware passphrase as text to type (tests only: the operator types it in real use). */
    static String freshPassphrase() {
        Passphrase p = new DicewareGenerator(new SecureRandom()).generate();
        try {
            return new String(p.chars());
        } finally {
            p.destroy();
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            d.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(d.digest());
    }
}
