package dev.tufceremony.media;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Cost of one rescan (DriveDetector.detect()), to show a page can rescan every second.
 * Run after `mvn -q test-compile`:
 * java -cp target/classes:target/test-classes src/bench/java/dev/tufceremony/media/DriveDetectBench.java
 */
public final class DriveDetectBench {
    public static void main(String[] args) throws Exception {
        Path tree = Files.createTempDirectory("drive-bench");
        try {
            TreeFixture.build("/media/linux/workstation.tree", tree);
            SystemPaths system = SystemPaths.of("/", "/boot", "/boot/efi", "/home/alice");
            report("captured workstation tree (4 of 16 mounts offered)", new LinuxDriveDetector(tree, system));
            report("this machine's real / ", new LinuxDriveDetector(Path.of("/"), SystemPaths.current()));
        } finally {
            try (Stream<Path> s = Files.walk(tree)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void report(String name, DriveDetector detector) {
        for (int i = 0; i < 300; i++) {
            detector.detect();
        }
        int n = 2000;
        long[] micros = new long[n];
        long[] cpuMicros = new long[n];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int found = 0;
        for (int i = 0; i < n; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            found = detector.detect().size();
            micros[i] = (System.nanoTime() - t) / 1000;
            cpuMicros[i] = (threads.getCurrentThreadCpuTime() - c) / 1000;
        }
        Arrays.sort(micros);
        Arrays.sort(cpuMicros);
        // Wall time suffers from other processes on a shared machine; CPU time of the scanning thread does not.
        System.out.printf("%s: %d drives; detect() wall median %d us, p99 %d us; CPU median %d us, p99 %d us (%d runs)%n",
                name, found, micros[n / 2], micros[n * 99 / 100], cpuMicros[n / 2], cpuMicros[n * 99 / 100], n);
    }
}
