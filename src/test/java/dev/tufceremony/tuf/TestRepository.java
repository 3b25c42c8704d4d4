package dev.tufceremony.tuf;

import dev.tufceremony.keys.KeyType;
import dev.tufceremony.keys.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small repositories signed with fresh keys, for tests the python-tuf fixtures do not cover. */
final class TestRepository {
    static final Instant EXPIRES = Instant.parse("2027-06-01T00:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    final SigningKey online = SigningKey.generate(KeyType.ED25519, RANDOM);
    final List<SigningKey> rootKeys = new ArrayList<>();
    final List<Metadata<Root>> roots = new ArrayList<>();
    final Map<String, byte[]> targetFiles = new LinkedHashMap<>();
    boolean consistent = true;
    boolean metaHashes = false;
    /** Adds a delegated role "releases" (own key) holding releases/app.bin. */
    boolean delegation = false;
    final SigningKey delegate = SigningKey.generate(KeyType.ED25519, RANDOM);
    Instant onlineExpires = EXPIRES;

    TestRepository() {
        SigningKey first = SigningKey.generate(KeyType.ED25519, RANDOM);
        rootKeys.add(first);
        Root root = Root.initial(EXPIRES, true)
                .withRoleKeys("root", List.of(first.publicKey()), 1)
                .withRoleKeys("targets", List.of(online.publicKey()), 1)
                .withRoleKeys("snapshot", List.of(online.publicKey()), 1)
                .withRoleKeys("timestamp", List.of(online.publicKey()), 1);
        roots.add(Metadata.sign(root, List.of(first)));
        targetFiles.put("hello.txt", "hello\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        targetFiles.put("dir/data.bin", new byte[] {1, 2, 3});
    }

    Root newestRoot() {
        return roots.get(roots.size() - 1).signed();
    }

    /** Root N+1 with a new root key, signed by the old and the new key. */
    TestRepository rotate(Instant expires) {
        SigningKey old = rootKeys.get(rootKeys.size() - 1);
        SigningKey next = SigningKey.generate(KeyType.ED25519, RANDOM);
        rootKeys.add(next);
        Root root = newestRoot().next().withRoleKeys("root", List.of(next.publicKey()), 1).withExpires(expires);
        roots.add(Metadata.sign(root, List.of(old, next)));
        return this;
    }

    TestRepository setRoot(int index, Metadata<Root> root) {
        roots.set(index, root);
        return this;
    }

    Path write(Path dir) {
        try {
            Path md = Files.createDirectories(dir.resolve("metadata"));
            Path targetsDir = Files.createDirectories(dir.resolve("targets"));
            for (Metadata<Root> r : roots) {
                Files.write(md.resolve(r.signed().version() + ".root.json"), MetadataCodec.write(r));
            }
            Files.write(md.resolve("root.json"), MetadataCodec.write(roots.get(roots.size() - 1)));
            Targets targets = Targets.initial(onlineExpires);
            for (Map.Entry<String, byte[]> e : targetFiles.entrySet()) {
                targets = targets.withTarget(e.getKey(), TargetFile.of(e.getValue()));
                String path = e.getKey();
                if (consistent) {
                    int slash = path.lastIndexOf('/');
                    path = path.substring(0, slash + 1) + Hashes.sha256(e.getValue()) + "." + path.substring(slash + 1);
                }
                Path file = targetsDir.resolve(path);
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
            Map<String, MetaFile> delegatedMeta = new LinkedHashMap<>();
            if (delegation) {
                byte[] app = {9, 9, 9};
                DelegatedRole role = new DelegatedRole("releases", List.of(delegate.keyId()), 1, true,
                        List.of("releases/*"), null, Map.of());
                targets = new Targets(targets.specVersion(), targets.version(), targets.expires(), targets.targets(),
                        new Delegations(Map.of(delegate.keyId(), delegate.publicKey()), List.of(role), null, Map.of()), Map.of());
                Targets releases = Targets.initial(onlineExpires).withTarget("releases/app.bin", TargetFile.of(app));
                Files.write(md.resolve(consistent ? "1.releases.json" : "releases.json"),
                        MetadataCodec.write(Metadata.sign(releases, List.of(delegate))));
                delegatedMeta.put("releases.json", MetaFile.of(1));
                Path file = targetsDir.resolve(consistent ? "releases/" + Hashes.sha256(app) + ".app.bin" : "releases/app.bin");
                Files.createDirectories(file.getParent());
                Files.write(file, app);
            }
            byte[] targetsBytes = MetadataCodec.write(Metadata.sign(targets, List.of(online)));
            Files.write(md.resolve(consistent ? "1.targets.json" : "targets.json"), targetsBytes);
            MetaFile targetsMeta = metaHashes ? MetaFile.describing(1, targetsBytes) : MetaFile.of(1);
            Snapshot snapshot = Snapshot.initial(onlineExpires, targetsMeta);
            for (Map.Entry<String, MetaFile> e : delegatedMeta.entrySet()) {
                snapshot = snapshot.withMeta(e.getKey(), e.getValue());
            }
            byte[] snapshotBytes = MetadataCodec.write(Metadata.sign(snapshot, List.of(online)));
            Files.write(md.resolve(consistent ? "1.snapshot.json" : "snapshot.json"), snapshotBytes);
            MetaFile snapMeta = metaHashes ? MetaFile.describing(1, snapshotBytes) : MetaFile.of(1);
            Files.write(md.resolve("timestamp.json"),
                    MetadataCodec.write(Metadata.sign(Timestamp.initial(onlineExpires, snapMeta), List.of(online))));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
