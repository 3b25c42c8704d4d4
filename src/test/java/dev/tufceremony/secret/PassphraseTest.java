package dev.tufceremony.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tufceremony.CeremonyError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphraseTest {

    @TempDir
    Path dir;

    @Test
    void wrapTakesOwnershipAndDestroyZeroesTheCallersArray() {
        char[] mine = "quartz lantern".toCharArray();
        Passphrase p = Passphrase.wrap(mine);
        assertThat(p.chars()).isSameAs(mine);
        p.destroy();
        assertThat(mine).containsOnly('\0');
        assertThat(p.isDestroyed()).isTrue();
        assertThatThrownBy(p::chars).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(p::length).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void copyOfLeavesTheCallersArrayAlone() {
        char[] mine = "abc".toCharArray();
        try (Passphrase p = Passphrase.copyOf(mine)) {
            assertThat(p.chars()).isNotSameAs(mine).containsExactly('a', 'b', 'c');
        }
        assertThat(mine).containsExactly('a', 'b', 'c');
    }

    @Test
    void closeZeroesTheInternalArray() {
        Passphrase p = Passphrase.copyOf("secret".toCharArray());
        char[] live = p.chars();
        p.close();
        assertThat(live).containsOnly('\0');
    }

    @Test
    void toUtf8EncodesNonAsciiAndReturnsAFreshArray() {
        try (Passphrase p = Passphrase.copyOf("grüße \uD83D\uDD11".toCharArray())) {
            byte[] a = p.toUtf8();
            assertThat(a).isEqualTo("grüße \uD83D\uDD11".getBytes(StandardCharsets.UTF_8));
            byte[] b = p.toUtf8();
            assertThat(b).isNotSameAs(a);
        }
    }

    @Test
    void sameAsComparesContent() {
        try (Passphrase a = Passphrase.copyOf("one two".toCharArray());
                Passphrase b = Passphrase.copyOf("one two".toCharArray());
                Passphrase c = Passphrase.copyOf("one twO".toCharArray());
                Passphrase d = Passphrase.copyOf("one tw".toCharArray())) {
            assertThat(a.sameAs(b)).isTrue();
            assertThat(a.sameAs(c)).isFalse();
            assertThat(a.sameAs(d)).isFalse();
            assertThat(a).isNotEqualTo(b);
        }
    }

    @Test
    void toStringHidesTheSecretAndBlankIsDetected() {
        try (Passphrase p = Passphrase.copyOf("hunter2".toCharArray());
                Passphrase blank = Passphrase.copyOf(" \t ".toCharArray())) {
            assertThat(p.toString()).isEqualTo("Passphrase[hidden]");
            assertThat(p.isBlank()).isFalse();
            assertThat(blank.isBlank()).isTrue();
        }
    }

    @Test
    void readFirstLineStripsLineEndAndIgnoresTheRest() throws Exception {
        Path f = dir.resolve("pass.txt");
        Files.write(f, "grüße aus köln\r\nsecond line\n".getBytes(StandardCharsets.UTF_8));
        try (Passphrase p = Passphrase.readFirstLine(f)) {
            assertThat(new String(p.chars())).isEqualTo("grüße aus köln");
        }
        Files.write(f, "no newline".getBytes(StandardCharsets.UTF_8));
        try (Passphrase p = Passphrase.readFirstLine(f)) {
            assertThat(p.chars()).containsExactly("no newline".toCharArray());
        }
    }

    @Test
    void readFirstLineNamesTheFileWhenMissingEmptyOrNotUtf8() throws Exception {
        Path missing = dir.resolve("missing.txt");
        assertThatThrownBy(() -> Passphrase.readFirstLine(missing))
                .isInstanceOf(CeremonyError.class).hasMessageContaining("missing.txt").hasMessageContaining("does not exist");
        Path empty = dir.resolve("empty.txt");
        Files.write(empty, "\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Passphrase.readFirstLine(empty))
                .isInstanceOf(CeremonyError.class).hasMessageContaining("empty.txt").hasMessageContaining("empty");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'a', (byte) 0xE9, 'b'});
        assertThatThrownBy(() -> Passphrase.readFirstLine(latin1))
                .isInstanceOf(CeremonyError.class).hasMessageContaining("latin1.txt").hasMessageContaining("UTF-8");
    }
}
