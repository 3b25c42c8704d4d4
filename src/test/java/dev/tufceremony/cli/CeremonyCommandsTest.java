package dev.tufceremony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tufceremony.backup.AgeFile;
import dev.tufceremony.backup.X25519Identity;
import dev.tufceremony.ceremony.AirGapCheck;
import dev.tufceremony.ceremony.CeremonyEnvironment;
import dev.tufceremony.ceremony.CeremonyFixture;
import dev.tufceremony.keys.KeyType;
import dev.tufceremony.keys.PublicKeys;
import dev.tufceremony.keys.SigningKey;
import dev.tufceremony.secret.SecretBytes;
import dev.tufceremony.tuf.MetadataCodec;
import dev.tufceremony.tuf.Root;
import dev.tufceremony.tuf.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option handling of the ceremony commands, and the bootstrap variants for online keys. */
class CeremonyCommandsTest {
    static final String WF = String.valueOf(CeremonyFixture.TEST_WORK_FACTOR);

    @TempDir
    Path tmp;

    @BeforeEach
    void environment() {
        CeremonyCliHarness.useEnvironment(Clock.systemUTC());
    }

    @AfterEach
    void reset() {
        CeremonyCliHarness.reset();
    }

    private Object[] bootstrap(Object... more) throws Exception {
        Object[] base = {"bootstrap", "--repository", "repo", "--out", CeremonyFixture.folder(tmp, "out"),
                "--backup", CeremonyFixture.folder(tmp, "a"), "--backup", CeremonyFixture.folder(tmp, "b"),
                "--passphrase-file", tmp.resolve("root.pass"), "--allow-non-removable"};
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** A clock that moves one second per reading, so time passes between parsing the options and signing. */
    static final class SteppingClock extends Clock {
        private Instant next;

        SteppingClock(Instant start) {
            this.next = start;
        }

        @Override
        public synchronized Instant instant() {
            Instant now = next;
            next = next.plusSeconds(1);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aRootExpiryGivenAsADateIsSignedExactly() throws Exception {
        CeremonyCliHarness.useEnvironment(new SteppingClock(Instant.parse("2026-11-26T12:00:00.500Z")));
        CeremonyFixture.passphraseFile(tmp.resolve("root.pass")).destroy();
        CeremonyFixture.passphraseFile(tmp.resolve("online.pass")).destroy();
        CeremonyCliHarness.Run r = CeremonyCliHarness.run(bootstrap("--online-passphrase-file", tmp.resolve("online.pass"),
                "--work-factor-for-tests", WF, "--root-expires", "2027-12-01", "--targets-expires", "2027-03-01T06:00:00Z"));
        assertThat(r.exitCode()).as(r.all()).isZero();
        Path meta = tmp.resolve("out/repo/metadata");
        Root root = MetadataCodec.readFile(meta.resolve("1.root.json"), Root.class, "1.root.json").signed();
        assertThat(root.expires()).isEqualTo(Instant.parse("2027-12-01T00:00:00Z"));
        Targets targets = MetadataCodec.readFile(meta.resolve("1.targets.json"), Targets.class, "1.targets.json").signed();
        assertThat(targets.expires()).isEqualTo(Instant.parse("2027-03-01T06:00:00Z"));
    }

    @Test
    void workFactorBelowTwentyOnlyThroughTheTestOption() throws Exception {
        CeremonyFixture.passphraseFile(tmp.resolve("root.pass")).destroy();
        CeremonyFixture.passphraseFile(tmp.resolve("online.pass")).destroy();
        CeremonyCliHarness.Run r = CeremonyCliHarness.run(bootstrap("--online-passphrase-file", tmp.resolve("online.pass"), "--work-factor", "12"));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("work factor 12 is not allowed", "choose 20");
        CeremonyCliHarness.Run both = CeremonyCliHarness.run(bootstrap("--online-passphrase-file", tmp.resolve("online.pass"),
                "--work-factor", "20", "--work-factor-for-tests", WF));
        assertThat(both.exitCode()).isNotZero();
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(CeremonyFixture.folder(tmp, "out")).isEmptyDirectory();
    }

    @Test
    void exactlyTwoBackupsAndOneWayForTheOnlineKeys() throws Exception {
        CeremonyFixture.passphraseFile(tmp.resolve("root.pass")).destroy();
        CeremonyCliHarness.Run one = CeremonyCliHarness.run("bootstrap", "--repository", "repo", "--out", CeremonyFixture.folder(tmp, "out"),
                "--backup", CeremonyFixture.folder(tmp, "a"), "--passphrase-file", tmp.resolve("root.pass"),
                "--online-recipient", "age1xyz", "--allow-non-removable");
        assertThat(one.exitCode()).isNotZero();
        assertThat(one.err()).contains("exactly two --backup");
        CeremonyCliHarness.Run two = CeremonyCliHarness.run(bootstrap("--online-recipient", "age1xyz", "--online-keys-from", tmp));
        assertThat(two.exitCode()).isNotZero();
        assertThat(two.err()).contains("mutually exclusive");
        CeremonyCliHarness.Run badRecipient = CeremonyCliHarness.run(bootstrap("--online-recipient", "age1xyz", "--work-factor-for-tests", WF));
        assertThat(badRecipient.exitCode()).isNotZero();
        assertThat(badRecipient.err()).contains("age1xyz").doesNotContain("\tat ");
        assertThat(CeremonyFixture.folder(tmp, "a")).isEmptyDirectory();
    }

    @Test
    void withoutAPassphraseFileAndWithoutAConsoleTheErrorSaysWhatToDo() throws Exception {
        CeremonyCliHarness.Run r = CeremonyCliHarness.run("bootstrap", "--repository", "repo", "--out", CeremonyFixture.folder(tmp, "out"),
                "--backup", CeremonyFixture.folder(tmp, "a"), "--backup", CeremonyFixture.folder(tmp, "b"), "--online-recipient", "age1xyz",
                "--allow-non-removable");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("No console is available", "--passphrase-file");
    }

    @Test
    void requiredAirGapRefusesBeforeWriting() throws Exception {
        CeremonyEnvironment env = CeremonyEnvironment.builder().airGapCheck(AirGapCheck.fixed(List.of("eth0"))).build();
        CeremonyCli.environment = () -> env;
        CeremonyFixture.passphraseFile(tmp.resolve("root.pass")).destroy();
        CeremonyFixture.passphraseFile(tmp.resolve("online.pass")).destroy();
        CeremonyCliHarness.Run r = CeremonyCliHarness.run(bootstrap("--online-passphrase-file", tmp.resolve("online.pass"),
                "--work-factor-for-tests", WF, "--require-air-gap"));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("eth0", "air gap is required", "nothing was written");
        assertThat(tmp.resolve("out")).isEmptyDirectory();
        // Without --require-air-gap the ceremony runs and records the interface loudly.
        CeremonyCliHarness.Run ok = CeremonyCliHarness.run(bootstrap("--online-passphrase-file", tmp.resolve("online.pass"),
                "--work-factor-for-tests", WF));
        assertThat(ok.exitCode()).as(ok.all()).isZero();
        assertThat(ok.out()).contains("DEVIATION: network interface(s) up: eth0");
        try (Stream<Path> s = Files.walk(tmp.resolve("out"))) {
            Path t = s.filter(p -> p.toString().endsWith(".transcript.txt")).findFirst().orElseThrow();
            assertThat(Files.readString(t)).contains("air-gap: NOT air-gapped", "WARNING: this machine was connected");
        }
    }

    @Test
    void onlineKeysFromAKmsOnlySignTheRoot() throws Exception {
        CeremonyFixture.passphraseFile(tmp.resolve("root.pass")).destroy();
        Path kms = CeremonyFixture.folder(tmp, "kms");
        SecureRandom random = new SecureRandom();
        try (SigningKey t = SigningKey.generate(KeyType.ECDSA_P256, random); SigningKey s = SigningKey.generate(KeyType.ED25519, random);
                SigningKey ts = SigningKey.generate(KeyType.ED25519, random)) {
            Files.writeString(kms.resolve("targets.pub.pem"), PublicKeys.toSpkiPem(t.publicKey()));
            Files.writeString(kms.resolve("snapshot.pub.pem"), PublicKeys.toSpkiPem(s.publicKey()));
            Files.write(kms.resolve("timestamp.json"), dev.tufceremony.tuf.Json.mapper().writeValueAsBytes(ts.publicKey()));
            CeremonyCliHarness.Run r = CeremonyCliHarness.run(bootstrap("--online-keys-from", kms, "--work-factor-for-tests", WF));
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.out()).contains("NEXT: the online side must sign 1.targets.json");
            Path meta = tmp.resolve("out/repo/metadata");
            try (Stream<Path> files = Files.list(meta)) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("1.root.json", "root.json");
            }
            Root root = MetadataCodec.readFile(meta.resolve("1.root.json"), Root.class, "1.root.json").signed();
            assertThat(root.role("targets").keyids()).containsExactly(t.keyId());
            assertThat(root.role("snapshot").keyids()).containsExactly(s.keyId());
            assertThat(root.role("timestamp").keyids()).containsExactly(ts.keyId());
            assertThat(tmp.resolve("out/repo/online-keys")).doesNotExist();
        }
    }

    @Test
    void onlineKeysToAnAgeRecipientOpenWithItsIdentity() throws Exception {
        CeremonyFixture.passphraseFile(tmp.resolve("root.pass")).destroy();
        try (X25519Identity team = X25519Identity.generate(new SecureRandom())) {
            CeremonyCliHarness.Run r = CeremonyCliHarness.run(bootstrap("--online-recipient", team.recipient().encode(),
                    "--work-factor-for-tests", WF, "--key-type", "ecdsa"));
            assertThat(r.exitCode()).as(r.all()).isZero();
            Root root = MetadataCodec.readFile(tmp.resolve("out/repo/metadata/1.root.json"), Root.class, "1.root.json").signed();
            try (Stream<Path> s = Files.list(tmp.resolve("out/repo/online-keys"))) {
                List<Path> keys = s.filter(p -> p.toString().endsWith(".key.age")).toList();
                assertThat(keys).hasSize(3);
                for (Path k : keys) {
                    try (SecretBytes pem = AgeFile.parse(Files.readAllBytes(k)).decrypt(team);
                            SigningKey key = SigningKey.fromPkcs8Pem(pem.reveal())) {
                        String role = k.getFileName().toString().substring(0, k.getFileName().toString().indexOf('-'));
                        assertThat(root.role(role).keyids()).containsExactly(key.keyId());
                        assertThat(key.type()).isEqualTo(KeyType.ECDSA_P256);
                    }
                }
            }
        }
    }
}
