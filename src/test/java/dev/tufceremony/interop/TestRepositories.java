package dev.tufceremony.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tufceremony.keys.KeyType;
import dev.tufceremony.keys.Signer;
import dev.tufceremony.keys.SigningKey;
import dev.tufceremony.tuf.CanonicalJson;
import dev.tufceremony.tuf.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * rotation that replaces root key A by root key B, signed by both.
 */
public final class TestRepositories {
    public static final String HELLO = "hello.txt";
    public static final String DATA = "dir/sub dir/data.bin";
    static final String SPEC_VERSION = "1.0.31";
    private static final DateTimeFormatter EXPIRES =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

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
     * {@code 1.snapshot.json}, {@code timestamp.json} and {@code targets/<sha256>.<name>} for both
     * targets. {@code targetsSigner} is normally {@code keys.targets()}; tests pass another to break it.
     */
    public static void writeBootstrap(Path repo, RoleKeys keys, Instant expires, Signer targetsSigner) throws IOException {
        Path metadata = Files.createDirectories(repo.resolve("metadata"));
        byte[] root = envelope(root(1, keys.rootA(), keys, expires), List.of(keys.rootA()));
        Files.write(metadata.resolve("1.root.json"), root);
        Files.write(metadata.resolve("root.json"), root);

        ObjectNode targets = header("targets", 1, expires);
        ObjectNode targetsMap = targets.putObject("targets");
        for (Map.Entry<String, byte[]> f : targetFiles().entrySet()) {
            byte[] content = f.getValue();
            String sha256 = hex(digest("SHA-256", content));
            ObjectNode info = targetsMap.putObject(f.getKey());
            info.put("length", content.length);
            ObjectNode hashes = info.putObject("hashes");
            hashes.put("sha256", sha256);
            hashes.put("sha512", hex(digest("SHA-512", content)));
            // Consistent snapshots (spec 5.7.3): targets/<dir>/<hash>.<name>.
            Path name = Path.of(f.getKey());
            Path dir = name.getParent() == null ? repo.resolve("targets") : repo.resolve("targets").resolve(name.getParent().toString());
            Files.createDirectories(dir);
            Files.write(dir.resolve(sha256 + "." + name.getFileName()), content);
        }
        Files.write(metadata.resolve("1.targets.json"), envelope(targets, List.of(targetsSigner)));

        ObjectNode snapshot = header("snapshot", 1, expires);
        snapshot.putObject("meta").putObject("targets.json").put("version", 1);
        Files.write(metadata.resolve("1.snapshot.json"), envelope(snapshot, List.of(keys.snapshot())));

        ObjectNode timestamp = header("timestamp", 1, expires);
        timestamp.putObject("meta").putObject("snapshot.json").put("version", 1);
        Files.write(metadata.resolve("timestamp.json"), envelope(timestamp, List.of(keys.timestamp())));
    }

    /**
     * Writes {@code metadata/2.root.json} (root key B instead of A, online keys unchanged) signed
     * by {@code signers}, and makes it the current {@code root.json}. The spec (5.3.4, 5.3.5)
     * wants both A (v1's threshold) and B (v2's own threshold).
     */
    public static void writeRotation(Path repo, RoleKeys keys, Instant expires, List<? extends Signer> signers)
            throws IOException {
        Path metadata = repo.resolve("metadata");
        byte[] root = envelope(root(2, keys.rootB(), keys, expires), signers);
        Files.write(metadata.resolve("2.root.json"), root);
        Files.write(metadata.resolve("root.json"), root);
    }

    /** Expiry relative to the real clock, whole seconds: tuf-js has no clock to inject. */
    public static Instant expiresIn(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    private static ObjectNode root(int version, Signer rootKey, RoleKeys keys, Instant expires) {
        ObjectNode signed = header("root", version, expires);
        signed.put("consistent_snapshot", true);
        ObjectNode keyMap = signed.putObject("keys");
        ObjectNode roles = signed.putObject("roles");
        Map<String, Signer> byRole = new LinkedHashMap<>();
        byRole.put("root", rootKey);
        byRole.put("targets", keys.targets());
        byRole.put("snapshot", keys.snapshot());
        byRole.put("timestamp", keys.timestamp());
        for (Map.Entry<String, Signer> e : byRole.entrySet()) {
            Signer s = e.getValue();
            keyMap.set(s.keyId(), Json.mapper().valueToTree(s.publicKey()));
            ObjectNode role = roles.putObject(e.getKey());
            role.putArray("keyids").add(s.keyId());
            role.put("threshold", 1);
        }
        return signed;
    }

    private static ObjectNode header(String type, int version, Instant expires) {
        ObjectNode signed = Json.mapper().createObjectNode();
        signed.put("_type", type);
        signed.put("spec_version", SPEC_VERSION);
        signed.put("version", version);
        signed.put("expires", EXPIRES.format(expires));
        return signed;
    }

    /** {"signatures":[...],"signed":{...}}, each signature over the canonical JSON of signed (spec 4.2). */
    private static byte[] envelope(JsonNode signed, List<? extends Signer> signers) throws IOException {
        byte[] canonical = CanonicalJson.encode(signed);
        ObjectNode env = Json.mapper().createObjectNode();
        ArrayNode sigs = env.putArray("signatures");
        for (Signer s : signers) {
            sigs.addObject().put("keyid", s.keyId()).put("sig", hex(s.sign(canonical)));
        }
        env.set("signed", signed);
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(env);
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
