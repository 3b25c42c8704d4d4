package dev.tufceremony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tufceremony.backup.AgeFile;
import dev.tufceremony.backup.KeyBackup;
import dev.tufceremony.ceremony.CeremonyFixture;
import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.secret.SecretBytes;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN §5: private keys and passphrases leave memory only inside age files. After a CLI bootstrap
 * and a rotation (new root key of another type, new targets key), the export, the drives outside
 * the .age files, the transcripts and the JVM temp dir hold none of the private keys (raw, hex,
 * base64, PEM body, DER) nor the passphrases.
 */
class NoSecretOnDiskTest {
    static final String REPO = "agent-updates";
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

    @Test
    void noPrivateKeyOrPassphraseOutsideTheAgeFiles() throws Exception {
        Instant start = Instant.now().minusSeconds(2);
        // The passphrase files are the test's input (a script's own secret file), kept apart and excluded.
        Path secrets = Files.createDirectories(tmp.resolve("secrets"));
        Map<String, Passphrase> pass = new LinkedHashMap<>();
        for (String name : List.of("root1", "online1", "root2", "online2")) {
            pass.put(name, CeremonyFixture.passphraseFile(secrets.resolve(name)));
        }
        Path out = CeremonyFixture.folder(tmp, "out");
        Path repo = out.resolve(REPO);
        CeremonyCliHarness.Run boot = CeremonyCliHarness.run("bootstrap", "--repository", REPO, "--out", out,
                "--backup", CeremonyFixture.folder(tmp, "a1"), "--backup", CeremonyFixture.folder(tmp, "b1"),
                "--passphrase-file", secrets.resolve("root1"), "--online-passphrase-file", secrets.resolve("online1"),
                "--work-factor-for-tests", WF, "--allow-non-removable");
        assertThat(boot.exitCode()).as(boot.all()).isZero();
        CeremonyCliHarness.Run rot = CeremonyCliHarness.run("rotate", "--repo", repo, "--unlock", tmp.resolve("a1"),
                "--passphrase-file", secrets.resolve("root1"), "--backup", CeremonyFixture.folder(tmp, "a2"),
                "--backup", CeremonyFixture.folder(tmp, "b2"), "--new-passphrase-file", secrets.resolve("root2"),
                "--key-type", "ecdsa", "--rotate-online-keys", "targets", "--online-passphrase-file", secrets.resolve("online2"),
                "--work-factor-for-tests", WF, "--allow-non-removable");
        assertThat(rot.exitCode()).as(rot.all()).isZero();

        // Every private key made, recovered from its age file in memory, in every encoding worth looking for.
        Map<String, byte[]> needles = new LinkedHashMap<>();
        addKey(needles, "root key 1", KeyBackup.find(tmp.resolve("a1"), REPO).get(0), pass.get("root1"));
        addKey(needles, "root key 2", KeyBackup.find(tmp.resolve("a2"), REPO).get(0), pass.get("root2"));
        try (Stream<Path> s = Files.list(repo.resolve("online-keys"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".key.age")).toList()) {
                Passphrase p = opens(f, pass.get("online1")) ? pass.get("online1") : pass.get("online2");
                addKey(needles, f.getFileName().toString(), f, p);
            }
        }
        assertThat(needles.keySet().stream().filter(k -> k.endsWith("raw hex"))).hasSize(6);
        pass.forEach((name, p) -> {
            needles.put("passphrase " + name + " utf-8", p.toUtf8());
            needles.put("passphrase " + name + " utf-16le", new String(p.chars()).getBytes(StandardCharsets.UTF_16LE));
        });

        List<Path> haystack = new ArrayList<>();
        try (Stream<Path> s = Files.walk(tmp)) {
            s.filter(Files::isRegularFile).filter(p -> !p.startsWith(secrets))
                    .filter(p -> !p.getFileName().toString().endsWith(".key.age")).forEach(haystack::add);
        }
        assertThat(haystack).anySatisfy(p -> assertThat(p.toString()).endsWith(".transcript.txt"));
        Path jvmTemp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> s = Files.walk(jvmTemp, 6)) {
            s.filter(p -> !p.startsWith(tmp)).filter(p -> recentSmallReadableFile(p, start)).forEach(haystack::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            // Other processes' files may vanish during the walk; what was listed is still scanned.
        }

        // The scanner finds a planted needle (so zero hits below means something).
        Path control = Files.createDirectories(tmp.resolve("control")).resolve("planted.txt");
        Files.write(control, ("x" + new String(needles.get("root key 1 raw hex"), StandardCharsets.US_ASCII) + "y").getBytes(StandardCharsets.US_ASCII));
        assertThat(hits(List.of(control), needles)).containsExactly("root key 1 raw hex in " + control);
        Files.delete(control);

        assertThat(hits(haystack, needles)).isEmpty();
        pass.values().forEach(Passphrase::destroy);
    }

    private static boolean opens(Path f, Passphrase p) throws IOException {
        try (SecretBytes s = AgeFile.parse(Files.readAllBytes(f)).decrypt(p)) {
            return s.length() > 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void addKey(Map<String, byte[]> needles, String name, Path ageFile, Passphrase p) throws IOException {
        try (SecretBytes pem = AgeFile.parse(Files.readAllBytes(ageFile)).decrypt(p)) {
            String text = new String(pem.reveal(), StandardCharsets.US_ASCII);
            String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(body);
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
            byte[] raw = info.getPrivateKeyAlgorithm().getAlgorithm().getId().equals("1.3.101.112")
                    ? ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets()
                    : fixed32(ECPrivateKey.getInstance(info.parsePrivateKey()).getKey());
            needles.put(name + " PEM body", body.substring(0, Math.min(body.length(), 60)).getBytes(StandardCharsets.US_ASCII));
            needles.put(name + " DER", der);
            needles.put(name + " raw", raw);
            needles.put(name + " raw hex", HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII));
            needles.put(name + " raw HEX", HexFormat.of().formatHex(raw).toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            needles.put(name + " raw base64", Base64.getEncoder().withoutPadding().encodeToString(raw).getBytes(StandardCharsets.US_ASCII));
            needles.put(name + " raw base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(raw).getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static byte[] fixed32(BigInteger d) {
        byte[] b = d.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    private static boolean recentSmallReadableFile(Path p, Instant since) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.isRegularFile() && a.size() < 64L * 1024 * 1024 && a.lastModifiedTime().toInstant().isAfter(since)
                    && Files.isReadable(p);
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> hits(List<Path> files, Map<String, byte[]> needles) {
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            byte[] hay;
            try {
                hay = Files.readAllBytes(f);
            } catch (IOException e) {
                continue;
            }
            needles.forEach((name, needle) -> {
                if (indexOf(hay, needle) >= 0) {
                    found.add(name + " in " + f);
                }
            });
        }
        return found;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
