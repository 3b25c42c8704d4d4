package dev.tufceremony.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tufceremony.CeremonyError;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootChainTest {
    private static final Instant NOW = RepositoryVerifierTest.NOW;

    @Test
    void givesTheNewestTrustedRootOfAFixture() {
        RootChain chain = RootChain.load(Fixtures.repo("good/rotation-ed25519").resolve("metadata"), NOW);
        assertThat(chain.verified()).isTrue();
        assertThat(chain.trusted()).hasSize(2);
        assertThat(chain.requireIntact().signed().version()).isEqualTo(2);
        assertThat(chain.reports()).extracting(FileReport::file).containsExactly("1.root.json", "2.root.json");
    }

    @Test
    void anExpiredNewestRootIsStillIntactSoItCanBeRotatedFrom() {
        RootChain chain = RootChain.load(Fixtures.repo("good/rotation-ed25519").resolve("metadata"), Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(chain.intact()).isTrue();
        assertThat(chain.newestExpired()).isTrue();
        assertThat(chain.verified()).isFalse();
        assertThat(chain.requireIntact().signed().version()).isEqualTo(2);
        assertThat(chain.reports().get(1).failures().get(0).section()).isEqualTo("§5.3.10");
    }

    @Test
    void aBrokenChainStopsAtTheLastGoodRootAndRequireIntactNamesTheFailure() {
        RootChain chain = RootChain.load(Fixtures.repo("bad/rot-v2-signed-only-old-ed25519").resolve("metadata"), NOW);
        assertThat(chain.intact()).isFalse();
        assertThat(chain.newest().orElseThrow().signed().version()).isEqualTo(1);
        assertThatThrownBy(chain::requireIntact).isInstanceOf(CeremonyError.class)
                .hasMessageStartingWith("The root chain does not verify: 2.root.json §5.3.4 threshold of root v2 (its own keys) not met");
    }

    @Test
    void checksAStepBeforeItIsWrittenOneKeyholderAtATime(@TempDir Path dir) {
        TestRepository repo = new TestRepository().rotate(TestRepository.EXPIRES);
        Metadata<Root> v1 = repo.roots.get(0);
        Metadata<Root> v2 = repo.roots.get(1);
        Metadata<Root> onlyNew = Metadata.unsigned(v2.signed()).withSignatureFrom(repo.rootKeys.get(1));
        RootChain.Step step = RootChain.checkStep(v1, onlyNew);
        assertThat(step.versionOk()).isTrue();
        assertThat(step.newRoot().met()).isTrue();
        assertThat(step.previousRoot().met()).isFalse();
        assertThat(step.previousRoot().missing()).isEqualTo(1);
        assertThat(step.ok()).isFalse();
        assertThat(RootChain.checkStep(v1, v2).ok()).isTrue();

        Map<Long, byte[]> files = new TreeMap<>();
        files.put(1L, MetadataCodec.write(v1));
        files.put(2L, MetadataCodec.write(onlyNew));
        assertThat(RootChain.verifyBytes(files, NOW).intact()).isFalse();
        files.put(2L, MetadataCodec.write(v2));
        assertThat(RootChain.verifyBytes(files, NOW).verified()).isTrue();
    }

    @Test
    void aLongChainWithKeysRotatedEveryVersionVerifies(@TempDir Path dir) {
        TestRepository repo = new TestRepository();
        for (int i = 0; i < 30; i++) {
            repo.rotate(TestRepository.EXPIRES);
        }
        repo.write(dir);
        RootChain chain = RootChain.load(dir.resolve("metadata"), NOW);
        assertThat(chain.verified()).isTrue();
        assertThat(chain.trusted()).hasSize(31);
        assertThat(chain.reports()).allMatch(FileReport::ok);
        // Skipping a version: a root 5 signed by the keys of v3 and of itself is still not N+1 of v3.
        Metadata<Root> skipping = Metadata.sign(repo.roots.get(3).signed().withVersion(5),
                List.of(repo.rootKeys.get(2), repo.rootKeys.get(3)));
        RootChain.Step step = RootChain.checkStep(repo.roots.get(2), skipping);
        assertThat(step.previousRoot().met()).isTrue();
        assertThat(step.newRoot().met()).isTrue();
        assertThat(step.versionOk()).isFalse();
        assertThat(step.ok()).isFalse();
    }
}
