package dev.tufceremony.tuf;

import dev.tufceremony.CeremonyError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versioned roots 1.root.json … N.root.json of a repository, checked as a client updates its
 * root (spec §5.3): 1.root.json is the trust anchor and must be signed by its own root keys; each
 * N+1 must be signed by a threshold of N's root keys and of its own, and hold version exactly N+1.
 * Only the newest trusted root is checked for expiry (§5.3.6, §5.3.10), so an expired older root
 * is fine and an expired newest root can still be rotated from ({@link #intact()}).
 */
public final class RootChain {
    private static final Pattern VERSIONED_ROOT = Pattern.compile("([1-9][0-9]{0,17})\\.root\\.json");

    private final List<Metadata<Root>> trusted;
    private final List<FileReport> reports;
    private final boolean intact;
    private final boolean expired;

    private RootChain(List<Metadata<Root>> trusted, List<FileReport> reports, boolean intact, boolean expired) {
        this.trusted = List.copyOf(trusted);
        this.reports = List.copyOf(reports);
        this.intact = intact;
        this.expired = expired;
    }

    /** Result of checking one rotation N → N+1 (for a ceremony collecting signatures, too). */
    public record Step(long trustedVersion, long newVersion, ThresholdResult previousRoot, ThresholdResult newRoot) {
        public boolean versionOk() {
            return newVersion == trustedVersion + 1;
        }

        public boolean ok() {
            return versionOk() && previousRoot.met() && newRoot.met();
        }
    }

    /** Spec §5.3.4/§5.3.5: the thresholds of the trusted root's and the new root's root role, and the version. */
    public static Step checkStep(Metadata<Root> trusted, Metadata<Root> next) {
        return new Step(trusted.signed().version(), next.signed().version(),
                next.verify("root", trusted.signed()), next.verify("root", next.signed()));
    }

    /** Loads and checks {@code N.root.json} files in a metadata folder; reports name files by their bare names. */
    public static RootChain load(Path metadataDir, Instant now) {
        return load(metadataDir, "", now);
    }

    /** As {@link #load(Path, Instant)}, naming files in reports with {@code displayPrefix} (e.g. "metadata/"). */
    public static RootChain load(Path metadataDir, String displayPrefix, Instant now) {
        TreeMap<Long, Path> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(metadataDir)) {
            for (Path p : s.toList()) {
                Matcher m = VERSIONED_ROOT.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    files.put(Long.parseLong(m.group(1)), p);
                }
            }
        } catch (IOException e) {
            throw new CeremonyError(displayPrefix + " cannot be listed (" + e.getClass().getSimpleName()
                    + "); check that the folder exists and is readable.");
        }
        Map<Long, java.util.function.Supplier<byte[]>> sources = new TreeMap<>();
        files.forEach((v, p) -> sources.put(v, () -> MetadataCodec.readBytes(p, displayPrefix + v + ".root.json")));
        return verify(sources, displayPrefix, now);
    }

    /** Checks a chain given as version → file bytes (e.g. files not yet written). */
    public static RootChain verifyBytes(Map<Long, byte[]> files, Instant now) {
        Map<Long, java.util.function.Supplier<byte[]>> sources = new TreeMap<>();
        files.forEach((v, b) -> sources.put(v, () -> b));
        return verify(sources, "", now);
    }

    private static RootChain verify(Map<Long, java.util.function.Supplier<byte[]>> files, String prefix, Instant now) {
        List<Metadata<Root>> trusted = new ArrayList<>();
        List<FileReport> reports = new ArrayList<>();
        String anchorName = prefix + "1.root.json";
        if (!files.containsKey(1L)) {
            reports.add(new FileCheck(anchorName).fail("§5.2", "the trust anchor 1.root.json is missing").build());
            files.keySet().forEach(v -> reports.add(FileReport.skipped(prefix + v + ".root.json",
                    "not checked: there is no 1.root.json to start the chain from")));
            return new RootChain(trusted, reports, false, false);
        }
        Map<Long, Object> parsed = prefetch(files, prefix);
        long expected = 1;
        boolean broken = false;
        String brokenWhy = null;
        for (Map.Entry<Long, java.util.function.Supplier<byte[]>> e : files.entrySet()) {
            long fileVersion = e.getKey();
            String name = prefix + fileVersion + ".root.json";
            if (broken) {
                reports.add(FileReport.skipped(name, "not checked: " + brokenWhy));
                continue;
            }
            if (fileVersion != expected) {
                // §5.3.3: a client looks for exactly N+1 and stops when it is absent.
                reports.add(new FileCheck(name).fail("§5.3.3", "unreachable: " + prefix + expected
                        + ".root.json is missing, so clients stop at root version " + (expected - 1)).build());
                broken = true;
                brokenWhy = prefix + expected + ".root.json is missing";
                continue;
            }
            FileCheck check = new FileCheck(name);
            Metadata<Root> m = result(check, parsed.get(fileVersion));
            if (m != null) {
                Root root = m.signed();
                check.keyids(root.keys(), "keys");
                if (fileVersion == 1) {
                    if (root.version() != 1) {
                        check.fail("§5.3.5", "the file 1.root.json holds version " + root.version() + ", not 1");
                    }
                    check.detail("version 1 (trust anchor)");
                    // §5.2: the shipped root is trusted out of band; like python-tuf we still
                    // require it to carry a threshold of its own root signatures.
                    check.threshold("§5.2", "root v1 (trust anchor, self-signed)", "root", m.verify("root", root));
                } else {
                    Metadata<Root> prev = trusted.get(trusted.size() - 1);
                    Step step = checkStep(prev, m);
                    if (!step.versionOk()) {
                        check.fail("§5.3.5", "the file " + fileVersion + ".root.json holds version " + root.version()
                                + "; after trusted version " + prev.signed().version() + " it must be exactly "
                                + (prev.signed().version() + 1));
                    }
                    check.detail("version " + root.version());
                    check.threshold("§5.3.4", "root v" + prev.signed().version(), "old-root", step.previousRoot());
                    check.threshold("§5.3.4", "root v" + root.version() + " (its own keys)", "new-root", step.newRoot());
                }
            }
            if (check.failed()) {
                reports.add(check.build());
                broken = true;
                brokenWhy = "the root chain stops at " + name;
                continue;
            }
            trusted.add(m);
            reports.add(check.build());
            expected++;
        }
        boolean expired = false;
        if (!broken && !trusted.isEmpty()) {
            // §5.3.10: only the newest root must be unexpired.
            Metadata<Root> newest = trusted.get(trusted.size() - 1);
            int idx = reports.size() - 1;
            FileReport last = reports.get(idx);
            if (newest.signed().isExpired(now)) {
                expired = true;
                Failure f = new Failure(last.file(), "§5.3.10", "the newest root (version " + newest.signed().version()
                        + ") expired at " + newest.signed().expiresText() + "; a new root must be signed");
                reports.set(idx, new FileReport(last.file(), FileReport.Status.FAIL, "", List.of(f), last.thresholds()));
            } else {
                reports.set(idx, new FileReport(last.file(), last.status(), last.summary() + ", expires "
                        + newest.signed().expiresText(), last.failures(), last.thresholds()));
            }
        }
        return new RootChain(trusted, reports, !broken, expired);
    }

    /**
     * Reads every file and checks every step's signatures on all cores first. The results land in
     * each Metadata's memo, so the sequential walk below (which decides what is trusted) repeats
     * no signature check; a step after a failure is checked needlessly, which is harmless.
     */
    private static Map<Long, Object> prefetch(Map<Long, java.util.function.Supplier<byte[]>> files, String prefix) {
        Map<Long, Object> parsed = new java.util.concurrent.ConcurrentHashMap<>();
        files.entrySet().parallelStream().forEach(e -> {
            try {
                parsed.put(e.getKey(), MetadataCodec.read(e.getValue().get(), Root.class, prefix + e.getKey() + ".root.json"));
            } catch (CeremonyError ex) {
                parsed.put(e.getKey(), ex);
            }
        });
        files.keySet().parallelStream().forEach(v -> {
            if (parsed.get(v) instanceof Metadata<?> m) {
                @SuppressWarnings("unchecked")
                Metadata<Root> root = (Metadata<Root>) m;
                if (v == 1) {
                    root.verify("root", root.signed());
                } else if (parsed.get(v - 1) instanceof Metadata<?> p) {
                    @SuppressWarnings("unchecked")
                    Metadata<Root> prev = (Metadata<Root>) p;
                    checkStep(prev, root);
                }
            }
        });
        return parsed;
    }

    @SuppressWarnings("unchecked")
    private static Metadata<Root> result(FileCheck check, Object parsed) {
        if (parsed instanceof Metadata<?> m) {
            return (Metadata<Root>) m;
        } else if (parsed instanceof MetadataFormatException e) {
            check.fail("§4.3", e.problem());
        } else {
            check.fail("§4.3", ((CeremonyError) parsed).getMessage());
        }
        return null;
    }

    /** Every N.root.json verified (signatures, versions, no gaps); expiry not considered. */
    public boolean intact() {
        return intact;
    }

    /** Whether the newest root has expired (only meaningful when intact). */
    public boolean newestExpired() {
        return expired;
    }

    /** Intact and the newest root unexpired. */
    public boolean verified() {
        return intact && !expired && !trusted.isEmpty();
    }

    /** The roots that verified, version 1 first. */
    public List<Metadata<Root>> trusted() {
        return trusted;
    }

    /** The newest root a client would trust (it may have expired). */
    public Optional<Metadata<Root>> newest() {
        return trusted.isEmpty() ? Optional.empty() : Optional.of(trusted.get(trusted.size() - 1));
    }

    /** The newest root, or a CeremonyError naming the first failure when the chain is not intact. */
    public Metadata<Root> requireIntact() {
        if (!intact || trusted.isEmpty()) {
            Failure f = reports.stream().flatMap(r -> r.failures().stream()).findFirst()
                    .orElse(new Failure("1.root.json", "§5.2", "no root metadata found"));
            throw new CeremonyError("The root chain does not verify: " + f.file() + " " + f.section() + " " + f.message()
                    + "; fix or replace that file before continuing.");
        }
        return trusted.get(trusted.size() - 1);
    }

    public List<FileReport> reports() {
        return reports;
    }
}
