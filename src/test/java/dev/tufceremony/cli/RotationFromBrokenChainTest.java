package dev.tufceremony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tufceremony.ceremony.CeremonyFixture;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A rotation starts by verifying the published root chain like a client (spec §5.3): each python-tuf
 * fixture whose chain is broken is refused before anything is unlocked or written, with its reason.
 */
class RotationFromBrokenChainTest {
    /** The fixtures expire 2027-11-26 (their README). */
    static final Clock FIXTURE_CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @BeforeEach
    void environment() {
        CeremonyCliHarness.useEnvironment(FIXTURE_CLOCK);
    }

    @AfterEach
    void reset() {
        CeremonyCliHarness.reset();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "rot-v2-signed-only-new-ed25519 | 2.root.json | §5.3.4 | threshold of root v1",
            "rot-v2-signed-only-old-ed25519 | 2.root.json | §5.3.4 | threshold of root v2 (its own keys)",
            "rot-wrong-version              | 2.root.json | §5.3.5 | version",
            "v1-tampered                    | 1.root.json | §5.2   | ",
            "legacy-keyid                   | 1.root.json | §4.2   | keyid",
    })
    void brokenChainIsRefusedWithItsReason(String fixture, String file, String section, String words) throws Exception {
        Path repo = copyFixture(fixture);
        for (String d : new String[] {"old", "a", "b"}) {
            CeremonyFixture.folder(tmp, d);
        }
        Files.writeString(tmp.resolve("pass"), "the passphrase is never asked for: the chain is checked first\n");
        String treeBefore = tree();
        CeremonyCliHarness.Run r = CeremonyCliHarness.run("rotate", "--repo", repo, "--unlock", tmp.resolve("old"),
                "--passphrase-file", tmp.resolve("pass"), "--backup", tmp.resolve("a"), "--backup", tmp.resolve("b"),
                "--new-passphrase-file", tmp.resolve("pass"), "--allow-non-removable", "--work-factor-for-tests", "10");
        assertThat(r.exitCode()).as(r.all()).isNotZero();
        assertThat(r.err()).as(r.all()).startsWith("error: The root chain does not verify: metadata/" + file)
                .contains(section).doesNotContain("\tat ");
        if (words != null && !words.isBlank()) {
            assertThat(r.err().toLowerCase(java.util.Locale.ROOT)).contains(words.strip());
        }
        assertThat(tree()).isEqualTo(treeBefore);
    }

    private Path copyFixture(String name) throws IOException, URISyntaxException {
        Path src = Path.of(getClass().getResource("/fixtures/tuf/bad/" + name).toURI());
        Path dst = tmp.resolve("media").resolve(name);
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return dst;
    }

    private String tree() throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            return String.join("\n", s.map(p -> tmp.relativize(p) + " " + (Files.isRegularFile(p) ? p.toFile().length() : -1)).sorted().toList());
        }
    }
}
