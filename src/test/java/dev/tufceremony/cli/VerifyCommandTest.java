package dev.tufceremony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    private static final String AT = "2026-12-01T00:00:00Z";

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static String fixture(String name) {
        try {
            return Path.of(VerifyCommandTest.class.getResource("/fixtures/tuf/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aGoodRepositoryPrintsOneOkLinePerFileAndExitsZero() {
        Result r = run("verify", fixture("good/rotation-ed25519"), "--at", AT);
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines()).contains(
                "OK   metadata/2.root.json  version 2, 1/1 old-root signatures, 1/1 new-root signatures, expires 2027-11-26T11:36:04Z",
                "OK   targets/hello.txt  10 bytes, sha256 match",
                "verified: all 8 files pass");
        assertThat(r.out().lines()).allMatch(l -> l.startsWith("OK   ") || l.startsWith("verified:"));
    }

    @Test
    void aBadRepositoryPrintsOneLinePerFailureAndExitsNonZero() {
        Result r = run("verify", fixture("bad/rot-v2-signed-only-new-ed25519"), "--at", AT);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().lines().filter(l -> l.startsWith("FAIL"))).singleElement().asString()
                .startsWith("FAIL metadata/2.root.json  §5.3.4 threshold of root v1 not met: 0 of 1 required signatures (missing: ");
        assertThat(r.out()).doesNotContain("\tat ").contains("NOT VERIFIED: 1 problem(s) in 1 file(s)");
    }

    @Test
    void expiryIsCheckedAtTheGivenTime() {
        Result r = run("verify", fixture("good/bootstrap-ecdsa"), "--at", "2028-01-01T00:00:00Z");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL metadata/1.root.json  §5.3.10 the newest root (version 1) expired at 2027-11-26T11:36:04Z");
    }

    @Test
    void badArgumentsAndFoldersGiveOneClearLine(@TempDir Path dir) throws IOException {
        Result badTime = run("verify", fixture("good/bootstrap-ecdsa"), "--at", "tomorrow");
        assertThat(badTime.code()).isNotZero();
        assertThat(badTime.err()).contains("'tomorrow' is not a UTC time like 2026-12-01T00:00:00Z").doesNotContain("\tat ");

        Result noMetadata = run("verify", dir.toString());
        assertThat(noMetadata.code()).isNotZero();
        assertThat(noMetadata.err().strip()).startsWith("error: ").endsWith("has no metadata folder; give the folder that contains metadata/ and targets/.")
                .doesNotContain("\tat ");

        Files.createDirectories(dir.resolve("metadata"));
        Files.writeString(dir.resolve("metadata/1.root.json"), "{\"signed\": 3, \"signatures\": []}");
        Result malformed = run("verify", dir.toString(), "--at", AT);
        assertThat(malformed.code()).isEqualTo(1);
        assertThat(malformed.out()).contains("FAIL metadata/1.root.json  §4.3 $.signed must be a JSON object, found an integer")
                .doesNotContain("\tat ");
        assertThat(malformed.err()).isEmpty();
    }
}
