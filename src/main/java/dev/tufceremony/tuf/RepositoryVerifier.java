package dev.tufceremony.tuf;

import dev.tufceremony.CeremonyError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Verifies a repository folder ({@code metadata/}, {@code targets/}) the way a client updating
 * from scratch would (spec §5.1–§5.7), collecting every file's result instead of stopping at the
 * first problem. A file that depends on one that failed is reported as not checked, since a client
 * would have aborted there; an expired file is reported but does not stop the others.
 */
public final class RepositoryVerifier {
    private static final Map<String, String> JCA = Map.of("sha256", "SHA-256", "sha512", "SHA-512");
    private static final int MAX_DELEGATED_ROLES = 1024;

    private final Clock clock;

    public RepositoryVerifier(Clock clock) {
        this.clock = clock;
    }

    /** Throws CeremonyError only when {@code repository} has no metadata folder at all. */
    public VerificationReport verify(Path repository) {
        Path metadata = repository.resolve("metadata");
        if (!Files.isDirectory(metadata)) {
            throw new CeremonyError(repository + " has no metadata folder; give the folder that contains metadata/ and targets/.");
        }
        Instant now = clock.instant(); // §5.1: one fixed update start time for every expiry check
        return new Run(repository, metadata, now).run();
    }

    private static final class Run {
        private final Path repo;
        private final Path metadata;
        private final Instant now;
        private final List<FileReport> reports = new ArrayList<>();

        Run(Path repo, Path metadata, Instant now) {
            this.repo = repo;
            this.metadata = metadata;
            this.now = now;
        }

        VerificationReport run() {
            RootChain chain = RootChain.load(metadata, "metadata/", now);
            reports.addAll(chain.reports());
            if (!chain.intact() || chain.newest().isEmpty()) {
                skipRest("not checked: the root chain did not verify");
                return new VerificationReport(reports);
            }
            Metadata<Root> rootMd = chain.newest().get();
            checkRootJson(rootMd);
            Root root = rootMd.signed();
            // §5.3.11 (fast-forward recovery) deletes previously trusted timestamp/snapshot; a folder
            // verified from scratch has none, so there is nothing to do.
            boolean consistent = root.consistentSnapshot(); // §5.3.12

            // §5.4 timestamp
            FileCheck ts = new FileCheck("metadata/timestamp.json");
            Metadata<Timestamp> timestamp = readMeta(ts, metadata.resolve("timestamp.json"), Timestamp.class, "§5.4.1", "§4.6", null);
            if (timestamp != null) {
                ts.detail("version " + timestamp.signed().version());
                ts.threshold("§5.4.2", "timestamp role", "timestamp", timestamp.verify(Timestamp.TYPE, root));
                expiry(ts, timestamp.signed(), "§5.4.4");
            }
            if (!finish(ts)) {
                skipRest("not checked: timestamp.json did not verify");
                return new VerificationReport(reports);
            }

            // §5.5 snapshot
            MetaFile snapMeta = timestamp.signed().snapshotMeta();
            String snapName = consistent ? snapMeta.version() + ".snapshot.json" : "snapshot.json";
            FileCheck sn = new FileCheck("metadata/" + snapName);
            Metadata<Snapshot> snapshot = readMeta(sn, metadata.resolve(snapName), Snapshot.class, "§5.5.1", "§4.4",
                    new Expected(snapMeta, "timestamp", "§5.5.1", "§5.5.2"));
            if (snapshot != null) {
                sn.detail("version " + snapshot.signed().version());
                sn.threshold("§5.5.3", "snapshot role", "snapshot", snapshot.verify(Snapshot.TYPE, root));
                if (snapshot.signed().version() != snapMeta.version()) {
                    sn.fail("§5.5.4", "version is " + snapshot.signed().version() + " but timestamp.json names snapshot version "
                            + snapMeta.version());
                }
                if (!snapshot.signed().meta().containsKey(Snapshot.TARGETS_JSON)) {
                    sn.fail("§4.4", "meta does not list targets.json, so clients cannot find the targets metadata");
                }
                expiry(sn, snapshot.signed(), "§5.5.6");
            }
            if (!finish(sn)) {
                skipRest("not checked: " + snapName + " did not verify");
                return new VerificationReport(reports);
            }

            // §5.6 targets, then delegated targets in pre-order (§5.6.7), then target files (§5.7)
            Map<String, MetaFile> snapEntries = snapshot.signed().meta();
            List<TargetsRole> roles = new ArrayList<>();
            roles.add(new TargetsRole(Targets.TYPE, root.role(Targets.TYPE), id -> root.keys().get(id), "targets role", "§5.6"));
            Set<String> visited = new HashSet<>();
            List<Metadata<Targets>> verifiedTargets = new ArrayList<>();
            List<String> verifiedNames = new ArrayList<>();
            boolean allOk = true;
            while (!roles.isEmpty()) {
                TargetsRole r = roles.remove(0);
                if (!visited.add(r.name) || visited.size() > MAX_DELEGATED_ROLES) {
                    continue;
                }
                Metadata<Targets> t = checkTargetsRole(r, snapEntries, consistent, root);
                if (t == null) {
                    allOk = false;
                    continue;
                }
                verifiedTargets.add(t);
                verifiedNames.add(r.name);
                List<TargetsRole> children = new ArrayList<>();
                t.signed().delegations().ifPresent(d -> {
                    for (DelegatedRole dr : d.roles()) {
                        children.add(new TargetsRole(dr.name(), dr.asRole(), id -> d.keys().get(id),
                                "delegated role " + dr.name() + " (delegated by " + r.name + ")", "§5.6.7"));
                    }
                });
                roles.addAll(0, children);
            }
            if (!allOk) {
                skipRest("not checked: targets metadata did not verify");
                return new VerificationReport(reports);
            }
            for (int i = 0; i < verifiedTargets.size(); i++) {
                for (Map.Entry<String, TargetFile> e : verifiedTargets.get(i).signed().targets().entrySet()) {
                    checkTarget(e.getKey(), e.getValue(), consistent);
                }
            }
            return new VerificationReport(reports);
        }

        private record TargetsRole(String name, Role role, Function<String, Key> keys, String what, String section) {
        }

        private Metadata<Targets> checkTargetsRole(TargetsRole r, Map<String, MetaFile> snapEntries, boolean consistent, Root root) {
            String fileName = r.name + ".json";
            MetaFile entry = snapEntries.get(fileName);
            if (entry == null) {
                FileCheck c = new FileCheck("metadata/" + fileName);
                c.fail(r.section + ".1", "snapshot does not list " + fileName + ", so clients cannot fetch " + r.what);
                finish(c);
                return null;
            }
            String name = consistent ? entry.version() + "." + fileName : fileName;
            FileCheck c = new FileCheck("metadata/" + name);
            String sec = r.section.equals("§5.6") ? "§5.6" : "§5.6.7";
            Metadata<Targets> t = readMeta(c, metadata.resolve(name), Targets.class, sec.equals("§5.6") ? "§5.6.1" : sec, "§4.5",
                    new Expected(entry, "snapshot", sec.equals("§5.6") ? "§5.6.1" : sec, sec.equals("§5.6") ? "§5.6.2" : sec));
            if (t != null) {
                c.detail("version " + t.signed().version());
                t.signed().delegations().ifPresent(d -> c.keyids(d.keys(), "delegations.keys"));
                c.threshold(sec.equals("§5.6") ? "§5.6.3" : sec, r.what, r.name, t.verify(r.name, r.role, r.keys));
                if (t.signed().version() != entry.version()) {
                    c.fail(sec.equals("§5.6") ? "§5.6.4" : sec, "version is " + t.signed().version() + " but snapshot names version "
                            + entry.version());
                }
                expiry(c, t.signed(), sec.equals("§5.6") ? "§5.6.5" : sec);
                c.detail(t.signed().targets().size() + " targets");
            }
            return finish(c) ? t : null;
        }

        /** §5.7.3: the target's length and every supported hash match the targets metadata. */
        private void checkTarget(String path, TargetFile target, boolean consistent) {
            if (!safeTargetPath(path)) {
                FileCheck c = new FileCheck("targets/" + path);
                c.fail("§4.5", "target path \"" + path + "\" must be relative, '/'-separated and stay inside targets/");
                finish(c);
                return;
            }
            List<String> algorithms = target.hashes().keySet().stream().filter(JCA::containsKey).sorted().toList();
            if (algorithms.isEmpty()) {
                FileCheck c = new FileCheck("targets/" + path);
                c.fail("§5.7.3", "none of the target's hash algorithms " + target.hashes().keySet() + " is supported (sha256, sha512)");
                finish(c);
                return;
            }
            List<String> names = new ArrayList<>();
            if (consistent) {
                // §6.2: one copy per listed hash, named HASH.FILENAME.EXT in the target's directory.
                int slash = path.lastIndexOf('/');
                for (String alg : algorithms) {
                    names.add(path.substring(0, slash + 1) + target.hashes().get(alg) + "." + path.substring(slash + 1));
                }
            } else {
                names.add(path);
            }
            for (String name : names) {
                FileCheck c = new FileCheck("targets/" + name);
                Path file = repo.resolve("targets").resolve(name);
                if (!Files.isRegularFile(file)) {
                    c.fail("§5.7.3", "target " + path + " is missing" + (consistent ? " (consistent snapshots name it by its hash)" : ""));
                } else {
                    checkLengthAndHashes(c, file, target.length(), target.hashes(), "targets metadata", "§5.7.3", "§5.7.3");
                }
                finish(c);
            }
        }

        private record Expected(MetaFile entry, String by, String lengthSection, String hashSection) {
        }

        private <T extends Signed> Metadata<T> readMeta(FileCheck c, Path file, Class<T> type, String missingSection,
                String formatSection, Expected expected) {
            if (!Files.isRegularFile(file)) {
                c.fail(missingSection, "the file is missing");
                return null;
            }
            byte[] bytes;
            try {
                bytes = MetadataCodec.readBytes(file, c.file());
            } catch (MetadataFormatException e) {
                c.fail(missingSection, e.problem());
                return null;
            }
            if (expected != null) {
                MetaFile m = expected.entry();
                if (m.length().isPresent() && m.length().get() != bytes.length) {
                    c.fail(expected.lengthSection(), "is " + bytes.length + " bytes but " + expected.by() + " says " + m.length().get());
                }
                checkHashes(c, bytes, m.hashes(), expected.by(), expected.hashSection());
                if (c.failed()) {
                    return null; // §5.5.2/§5.6.2: discard before looking at signatures
                }
            }
            try {
                return MetadataCodec.read(bytes, type, c.file());
            } catch (MetadataFormatException e) {
                c.fail(formatSection, e.problem());
                return null;
            }
        }

        private void checkLengthAndHashes(FileCheck c, Path file, long length, Map<String, String> hashes, String by,
                String lengthSection, String hashSection) {
            Map<String, MessageDigest> digests = new LinkedHashMap<>();
            try {
                for (String alg : hashes.keySet()) {
                    if (JCA.containsKey(alg)) {
                        digests.put(alg, MessageDigest.getInstance(JCA.get(alg)));
                    }
                }
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            long total = 0;
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                int n;
                // Read at most one byte more than promised (§5.7.3: download up to the length).
                while (total <= length && (n = in.read(buf, 0, (int) Math.min(buf.length, length + 1 - total))) > 0) {
                    for (MessageDigest d : digests.values()) {
                        d.update(buf, 0, n);
                    }
                    total += n;
                }
            } catch (IOException e) {
                c.fail(lengthSection, "cannot be read (" + e.getClass().getSimpleName() + ")");
                return;
            }
            if (total != length) {
                c.fail(lengthSection, (total > length ? "is longer than" : "is " + total + " bytes, not") + " the " + length
                        + " bytes the " + by + " says");
                return;
            }
            for (Map.Entry<String, MessageDigest> e : digests.entrySet()) {
                String actual = HexFormat.of().formatHex(e.getValue().digest());
                if (!actual.equalsIgnoreCase(hashes.get(e.getKey()))) {
                    c.fail(hashSection, e.getKey() + " is " + actual + " but the " + by + " says " + hashes.get(e.getKey()));
                }
            }
            if (!c.failed()) {
                c.detail(length + " bytes, " + String.join(" and ", digests.keySet()) + " match");
            }
        }

        /** Hashes are optional in snapshot/timestamp meta; when present, every supported one must match. */
        private void checkHashes(FileCheck c, byte[] bytes, Map<String, String> hashes, String by, String section) {
            if (hashes.isEmpty()) {
                return;
            }
            boolean any = false;
            for (Map.Entry<String, String> h : hashes.entrySet()) {
                var actual = Hashes.hex(h.getKey(), bytes);
                if (actual.isEmpty()) {
                    continue;
                }
                any = true;
                if (!actual.get().equalsIgnoreCase(h.getValue())) {
                    c.fail(section, h.getKey() + " is " + actual.get() + " but " + by + " says " + h.getValue());
                }
            }
            if (!any) {
                c.fail(section, "none of the hash algorithms " + hashes.keySet() + " listed by " + by + " is supported (sha256, sha512)");
            }
        }

        private void expiry(FileCheck c, Signed s, String section) {
            if (s.isExpired(now)) {
                c.fail(section, "expired at " + s.expiresText() + " (checked at " + Signed.formatExpires(Signed.expiryOf(now)) + ")");
            } else {
                c.detail("expires " + s.expiresText());
            }
        }

        /** root.json, when present, must be the newest root (clients may start from it). */
        private void checkRootJson(Metadata<Root> newest) {
            Path file = metadata.resolve("root.json");
            if (!Files.exists(file)) {
                return;
            }
            FileCheck c = new FileCheck("metadata/root.json");
            Metadata<Root> m = readMeta(c, file, Root.class, "§5.2", "§4.3", null);
            if (m != null) {
                long v = newest.signed().version();
                if (m.signed().version() != v || !m.signedDigest().equals(newest.signedDigest())
                        || !m.signatures().equals(newest.signatures())) {
                    c.fail("§5.2", "root.json is not the same as " + v + ".root.json, the newest root (it holds version "
                            + m.signed().version() + ")");
                } else {
                    c.detail("same as " + v + ".root.json");
                }
            }
            finish(c);
        }

        private boolean finish(FileCheck c) {
            FileReport r = c.build();
            reports.add(r);
            return r.ok() || r.failures().stream().allMatch(f -> isExpiry(f));
        }

        private static boolean isExpiry(Failure f) {
            return f.message().startsWith("expired at ");
        }

        private void skipRest(String why) {
            for (String name : remainingMetadata()) {
                reports.add(FileReport.skipped(name, why));
            }
        }

        /** Metadata files not yet reported, so that a failure early on still lists what was not checked. */
        private List<String> remainingMetadata() {
            Set<String> done = new HashSet<>();
            reports.forEach(r -> done.add(r.file()));
            List<String> out = new ArrayList<>();
            try (var s = Files.list(metadata)) {
                s.map(p -> "metadata/" + p.getFileName()).filter(n -> n.endsWith(".json")).filter(n -> !done.contains(n))
                        .sorted().forEach(out::add);
            } catch (IOException e) {
                // Nothing more to list.
            }
            return out;
        }
    }

    static boolean safeTargetPath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
