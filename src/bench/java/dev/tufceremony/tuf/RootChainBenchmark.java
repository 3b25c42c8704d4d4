package dev.tufceremony.tuf;

import dev.tufceremony.keys.KeyType;
import dev.tufceremony.keys.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Time to verify a root chain 1.root.json … N.root.json from a folder (read, parse, both
 * thresholds per step, keyids, expiry of the newest) with {@link RootChain#load}. Every version
 * rotates to a fresh ed25519 root key, so each step checks two signatures. Not a test.
 *
 * <p>Usage: {@code RootChainBenchmark generate DIR [versions=1000]}, then, in a fresh JVM so that
 * the first run is really cold, {@code RootChainBenchmark verify DIR [runs=10]}.
 */
public final class RootChainBenchmark {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        if (args[0].equals("generate")) {
            int versions = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
            Files.createDirectories(dir);
            long genStart = System.nanoTime();
            generate(dir, versions, Instant.parse("2027-12-01T00:00:00Z"));
            System.out.printf("generated %d roots in %.0f ms%n", versions, (System.nanoTime() - genStart) / 1e6);
            return;
        }
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        int versions;
        try (Stream<Path> s = Files.list(dir)) {
            versions = (int) s.filter(p -> p.getFileName().toString().endsWith(".root.json")).count();
        }
        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        // Process CPU: all threads, including the parallel checks, JIT compilation and GC.
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < runs; i++) {
            long c = os.getProcessCpuTime();
            long t = System.nanoTime();
            RootChain chain = RootChain.load(dir, now);
            double ms = (System.nanoTime() - t) / 1e6;
            cpu.add((os.getProcessCpuTime() - c) / 1e6);
            if (!chain.verified() || chain.trusted().size() != versions) {
                throw new IllegalStateException("chain did not verify: " + chain.reports().get(chain.reports().size() - 1));
            }
            times.add(ms);
            System.out.printf("run %d: %.0f ms wall, %.0f ms CPU%n", i + 1, ms, cpu.get(i));
        }
        List<Double> warm = new ArrayList<>(times.subList(Math.min(1, times.size() - 1), times.size()));
        warm.sort(Comparator.naturalOrder());
        List<Double> warmCpu = new ArrayList<>(cpu.subList(Math.min(1, cpu.size() - 1), cpu.size()));
        warmCpu.sort(Comparator.naturalOrder());
        System.out.println();
        System.out.printf("load average at end: %.2f on %d cores%n", os.getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.println("| versions | first run (cold JVM) wall / process CPU | later runs: median wall / process CPU | min wall | max wall |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| %d | %.0f / %.0f ms | %.0f / %.0f ms | %.0f ms | %.0f ms |%n", versions, times.get(0), cpu.get(0),
                warm.get(warm.size() / 2), warmCpu.get(warmCpu.size() / 2), warm.get(0), warm.get(warm.size() - 1));
    }

    private static void generate(Path dir, int versions, Instant expires) throws IOException {
        SecureRandom random = new SecureRandom();
        SigningKey online = SigningKey.generate(KeyType.ED25519, random);
        SigningKey current = SigningKey.generate(KeyType.ED25519, random);
        Root root = Root.initial(expires, true)
                .withRoleKeys("root", List.of(current.publicKey()), 1)
                .withRoleKeys("targets", List.of(online.publicKey()), 1)
                .withRoleKeys("snapshot", List.of(online.publicKey()), 1)
                .withRoleKeys("timestamp", List.of(online.publicKey()), 1);
        Files.write(dir.resolve("1.root.json"), MetadataCodec.write(Metadata.sign(root, List.of(current))));
        for (int v = 2; v <= versions; v++) {
            SigningKey next = SigningKey.generate(KeyType.ED25519, random);
            root = root.next().withRoleKeys("root", List.of(next.publicKey()), 1);
            Files.write(dir.resolve(v + ".root.json"), MetadataCodec.write(Metadata.sign(root, List.of(current, next))));
            current.close();
            current = next;
        }
        current.close();
        online.close();
    }
}
