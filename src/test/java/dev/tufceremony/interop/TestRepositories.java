package dev.tufceremony.interop;

import dev.tufceremony.keys.KeyType;
import dev.tufceremony.keys.Signer;
import dev.tufceremony.keys.SigningKey;
import dev.tufceremony.tuf.MetaFile;
import dev.tufceremony.tuf.Metadata;
import dev.tufceremony.tuf.MetadataCodec;
import dev.tufceremony.tuf.Root;
import dev.tufceremony.tuf.Snapshot;
import dev.tufceremony.tuf.TargetFile;
import dev.tufceremony.tuf.Targets;
import dev.tufceremony.tuf.Timestamp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds repositories signed by this program's keys, in the shape a bootstrap ceremony exports
 * (DESIGN §4): root v1 with consistent snapshots, targets/snapshot/timestamp v1, two targets (one
 * in a sub-folder with a space in its name) stored under hash-prefixed names, and a 1→2 root
 * rotation that replaces root key A by root key B, signed by both. Everything goes through the
 * program's own model, signing and codec ({@link Metadata}, {@link MetadataCodec}), so what tuf-js
 * reads is what a ceremony would write.
 */
public final class TestRepositories {
    public static final String HELLO = "hello.txt";
    public static final String DATA = "dir/sub dir/data.bin";

    private TestRepositories() {}

    /** One key per role plus the root key the rotation moves to; all of one type. */
    public record RoleKeys(SigningKey rootA, SigningKey rootB, SigningKey targets, SigningKey snapshot,
                           SigningKey timestamp) implements AutoCloseable {
        public static RoleKeys generate(KeyType type, SecureRandom random) {
            return new RoleKeys(SigningKey.generate(type, random), SigningKey.generate(type, random),
                    SigningKey.generate(type, random), SigningKey.generate(type, random),
                    SigningKey.generate(type, random));
        }

        @Override
        public void close() {
            for (SigningKey k : List.of(rootA, rootB, targets, snapshot, timestamp)) {
                k.close();
            }
        }
    }

    /** The two target files and their content (fixed, so failures are reproducible). */
    public static Map<String, byte[]> targetFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(HELLO, "hello tuf\n".getBytes(StandardCharsets.UTF_8));
        byte[] data = new byte[1024];
        new Random(20261126L).nextBytes(data);
        files.put(DATA, data);
        return files;
    }

    /**
     * Writes {@code metadata/1.root.json}, {@code root.json}, {@code 1.targets.json},
     * {@code 1.snapshot.json}, {@code timestamp.json} and {@code targets/<sha256>.<name>} (and
     * {@code <sha512>.<name>}) for both targets. {@code targetsSigner} is normally {@code keys.targets()}; tests pass another to break it.
     */
    public static void writeBootstrap(Path repo, RoleKeys keys, Instant expires, Signer targetsSigner) throws IOException {
        Path metadata = Files.createDirectories(repo.resolve("metadata"));
        Root root = Root.initial(expires, true)
                .withRoleKeys("root", List.of(keys.rootA().publicKey()), 1)
                .withRoleKeys("targets", List.of(keys.targets().publicKey()), 1)
                .withRoleKeys("snapshot", List.of(keys.snapshot().publicKey()), 1)
                .withRoleKeys("timestamp", List.of(keys.timestamp().publicKey()), 1);
        byte[] rootBytes = MetadataCodec.write(Metadata.sign(root, List.of(keys.rootA())));
        Files.write(metadata.resolve("1.root.json"), rootBytes);
        Files.write(metadata.resolve("root.json"), rootBytes);

        Targets targets = Targets.initial(expires);
        for (Map.Entry<String, byte[]> f : targetFiles().entrySet()) {
            byte[] content = f.getValue();
            String sha256 = hex(digest("SHA-256", content));
            Map<String, String> hashes = Map.of("sha256", sha256, "sha512", hex(digest("SHA-512", content)));
            targets = targets.withTarget(f.getKey(), new TargetFile(content.length, hashes, Map.of()));
            // Consistent snapshots (spec 5.7.3): targets/<dir>/<hash>.<name>, one copy per listed hash,
            // since a client may pick any of them (tuf-js and python-tuf take the first).
            Path name = Path.of(f.getKey());
            Path dir = name.getParent() == null ? repo.resolve("targets") : repo.resolve("targets").resolve(name.getParent().toString());
            Files.createDirectories(dir);
            for (String digest : hashes.values()) {
                Files.write(dir.resolve(digest + "." + name.getFileName()), content);
            }
        }
        Files.write(metadata.resolve("1.targets.json"), MetadataCodec.write(Metadata.sign(targets, List.of(targetsSigner))));
        Files.write(metadata.resolve("1.snapshot.json"), MetadataCodec.write(
                Metadata.sign(Snapshot.initial(expires, MetaFile.of(1)), List.of(keys.snapshot()))));
        Files.write(metadata.resolve("timestamp.json"), MetadataCodec.write(
                Metadata.sign(Timestamp.initial(expires, MetaFile.of(1)), List.of(keys.timestamp()))));
    }

    /**
     * Reads {@code metadata/1.root.json} back and writes {@code 2.root.json} (root key B instead
     * of A, online keys unchanged, so targets/snapshot/timestamp stay valid) signed by
     * {@code signers}, and makes it the current {@code root.json}. The spec (5.3.4, 5.3.5) wants
     * both A (v1's threshold) and B (v2's own threshold).
     */
    public static void writeRotation(Path repo, RoleKeys keys, Instant expires, List<? extends Signer> signers)
            throws IOException {
        Path metadata = repo.resolve("metadata");
        Root v1 = MetadataCodec.readFile(metadata.resolve("1.root.json"), Root.class, "1.root.json").signed();
        Root v2 = v1.next().withRoleKeys("root", List.of(keys.rootB().publicKey()), 1).withExpires(expires);
        byte[] rootBytes = MetadataCodec.write(Metadata.sign(v2, signers));
        Files.write(metadata.resolve("2.root.json"), rootBytes);
        Files.write(metadata.resolve("root.json"), rootBytes);
    }

    /** Expiry relative to the real clock, whole seconds: tuf-js has no clock to inject. */
    public static Instant expiresIn(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    static byte[] digest(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
