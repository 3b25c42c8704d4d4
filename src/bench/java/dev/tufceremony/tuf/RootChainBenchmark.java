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
 * <p>Usage: RootChainBenchmark [versions=1000] [runs=10]
 */
public final class RootChainBenchmark {
    public static void main(String[] args) throws IOException {
        int versions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        Instant expires = Instant.parse("2027-12-01T00:00:00Z");
        Path dir = Files.createTempDirectory("root-chain-bench");
        try {
            long genStart = System.nanoTime();
            generate(dir, versions, expires);
            System.out.printf("generated %d roots in %.0f ms%n", versions, (System.nanoTime() - genStart) / 1e6);

            List<Double> times = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < runs; i++) {
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                RootChain chain = RootChain.load(dir, now);
                double ms = (System.nanoTime() - t) / 1e6;
                cpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
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
            System.out.printf("load average at end: %.2f on %d cores%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.println("| versions | first run (cold JVM) wall / CPU | later runs: median wall / CPU | min wall | max wall |");
            System.out.println("|---|---|---|---|---|");
            System.out.printf("| %d | %.0f / %.0f ms | %.0f / %.0f ms | %.0f ms | %.0f ms |%n", versions, times.get(0), cpu.get(0),
                    warm.get(warm.size() / 2), warmCpu.get(warmCpu.size() / 2), warm.get(0), warm.get(warm.size() - 1));
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
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
