package dev.tufceremony.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.ceremony.CeremonyFixture;
import dev.tufceremony.secret.Passphrase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passphrases typed on the console: twice when creating, the two must match, every typed array is wiped. */
class ConsolePassphraseTest {
    @TempDir
    Path tmp;

    /** Hands out the given entries in order and keeps the arrays it gave, to check they were wiped. */
    static final class TypedEntries implements ConsoleReader {
        final Deque<char[]> entries = new ArrayDeque<>();
        final List<char[]> given = new ArrayList<>();
        final List<String> prompts = new ArrayList<>();

        TypedEntries(String... typed) {
            for (String t : typed) {
                entries.add(t.toCharArray());
            }
        }

        @Override
        public char[] readPassword(String prompt) {
            prompts.add(prompt);
            char[] next = entries.poll();
            if (next != null) {
                given.add(next);
            }
            return next;
        }

        void install() {
            CeremonyCli.console = () -> Optional.of(this);
        }
    }

    @AfterEach
    void reset() {
        CeremonyCliHarness.reset();
    }

    private static boolean wiped(char[] chars) {
        for (char c : chars) {
            if (c != '\0') {
                return false;
            }
        }
        return true;
    }

    @Test
    void twoMatchingEntriesGiveThePassphraseAndTheSecondArrayIsWiped() {
        TypedEntries typed = new TypedEntries("tumble orbit canvas yodel", "tumble orbit canvas yodel");
        typed.install();
        Passphrase p = CeremonyCli.passphrase(null, "--passphrase-file", "root passphrase", true);
        try {
            assertThat(new String(p.chars())).isEqualTo("tumble orbit canvas yodel");
            assertThat(typed.prompts).containsExactly("Root passphrase: ", "Root passphrase again: ");
            assertThat(wiped(typed.given.get(1))).isTrue();
        } finally {
            p.destroy();
        }
        assertThat(wiped(typed.given.get(0))).isTrue();
    }

    @Test
    void twoDifferentEntriesAreAClearErrorAndBothArraysAreWiped() {
        TypedEntries typed = new TypedEntries("tumble orbit canvas yodel", "tumble orbit canvas yodle");
        typed.install();
        assertThatThrownBy(() -> CeremonyCli.passphrase(null, "--passphrase-file", "root passphrase", true))
                .isInstanceOf(CeremonyError.class)
                .hasMessageContaining("two entries of the root passphrase differ")
                .hasMessageNotContaining("tumble");
        assertThat(typed.given).hasSize(2).allSatisfy(a -> assertThat(wiped(a)).isTrue());
    }

    @Test
    void anExistingPassphraseIsAskedOnce() {
        TypedEntries typed = new TypedEntries("old backup pass", "never read");
        typed.install();
        try (Passphrase p = CeremonyCli.passphrase(null, "--passphrase-file", "passphrase of the backup to unlock", false)) {
            assertThat(new String(p.chars())).isEqualTo("old backup pass");
        }
        assertThat(typed.prompts).containsExactly("Passphrase of the backup to unlock: ");
    }

    @Test
    void nothingTypedOrEndOfInputIsRefused() {
        new TypedEntries("").install();
        assertThatThrownBy(() -> CeremonyCli.passphrase(null, "--passphrase-file", "root passphrase", true))
                .isInstanceOf(CeremonyError.class).hasMessageContaining("No root passphrase was entered");
        TypedEntries once = new TypedEntries("tumble orbit canvas yodel");
        once.install();
        assertThatThrownBy(() -> CeremonyCli.passphrase(null, "--passphrase-file", "root passphrase", true))
                .isInstanceOf(CeremonyError.class).hasMessageContaining("differ");
        assertThat(wiped(once.given.get(0))).isTrue();
    }

    @Test
    void aMismatchOnTheConsoleStopsTheBootstrapBeforeWriting() throws Exception {
        CeremonyCliHarness.useEnvironment(Clock.systemUTC());
        new TypedEntries("tumble orbit canvas yodel", "tumble orbit canvas yodle").install();
        CeremonyCliHarness.Run r = CeremonyCliHarness.run("bootstrap", "--repository", "repo", "--out", CeremonyFixture.folder(tmp, "out"),
                "--backup", CeremonyFixture.folder(tmp, "a"), "--backup", CeremonyFixture.folder(tmp, "b"), "--allow-non-removable",
                "--work-factor-for-tests", String.valueOf(CeremonyFixture.TEST_WORK_FACTOR));
        assertThat(r.exitCode()).as(r.all()).isNotZero();
        assertThat(r.err()).contains("two entries of the root passphrase differ").doesNotContain("tumble");
        assertThat(tmp.resolve("out")).isEmptyDirectory();
        assertThat(tmp.resolve("a")).isEmptyDirectory();
        assertThat(tmp.resolve("b")).isEmptyDirectory();
    }
}
