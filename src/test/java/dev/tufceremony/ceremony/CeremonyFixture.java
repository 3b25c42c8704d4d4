package dev.tufceremony.ceremony;

import dev.tufceremony.passphrase.DicewareGenerator;
import dev.tufceremony.secret.Passphrase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Shared test set-up: fresh diceware passphrases (so no passphrase is fixed in the repository),
 * plain folders as drives, and a fixed air gap.
 */
public final class CeremonyFixture {
    /** scrypt work factor for tests only: fast, and marked test-only in the files and transcripts. */
    public static final int TEST_WORK_FACTOR = 10;

    private CeremonyFixture() {
    }

    public static Passphrase freshPassphrase() {
        return new DicewareGenerator(new SecureRandom()).generate();
    }

    /** Writes a fresh passphrase to {@code file} (first line) and returns a copy for the test to use. */
    public static Passphrase passphraseFile(Path file) throws IOException {
        Passphrase p = freshPassphrase();
        byte[] utf8 = p.toUtf8();
        try {
            Files.write(file, utf8);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
        return p;
    }

    public static CeremonyEnvironment environment(Clock clock) {
        return CeremonyEnvironment.builder().clock(clock).random(new SecureRandom())
                .airGapCheck(AirGapCheck.fixed(List.of())).build();
    }

    public static Path folder(Path parent, String name) throws IOException {
        return Files.createDirectories(parent.resolve(name));
    }
}
