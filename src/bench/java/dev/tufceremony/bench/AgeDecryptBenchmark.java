package dev.tufceremony.bench;

import dev.tufceremony.backup.AgeEncryptor;
import dev.tufceremony.backup.AgeFile;
import dev.tufceremony.backup.WorkFactor;
import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.secret.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decrypting one age file at work factor 20: this program's reader (in process) against the stock
 * `age -d` CLI (driven by expect, as it reads passphrases only from a terminal), alternating, in
 * one run, so both see the same machine load. Prints medians and the ratio.
 *
 * Usage: AgeDecryptBenchmark <work dir> <rounds>
 */
public final class AgeDecryptBenchmark {
    private static final String PASSPHRASE = "benchmark passphrase, not a secret";
    private static final String EXPECT = """
            set timeout 300
            spawn age -d -o [lindex $argv 0] [lindex $argv 1]
            expect "Enter passphrase"
            send -- "$env(AGE_TEST_PASSPHRASE)\\r"
            expect eof
            lassign [wait] pid spawnid os_error value
            exit $value
            """;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--decrypt-once")) {
            // A fresh JVM decrypting once, as the ceremony program does: JVM start, JIT warm-up, heap growth included.
            byte[] file = Files.readAllBytes(Path.of(args[1]));
            try (Passphrase p = Passphrase.copyOf(PASSPHRASE.toCharArray()); SecretBytes out = AgeFile.parse(file).decrypt(p)) {
                System.exit(out.length() > 0 ? 0 : 1);
            }
        }
        Path dir = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int logN = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        byte[] plaintext = "-----BEGIN PRIVATE KEY-----\nbenchmark\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII);
        byte[] file;
        try (Passphrase p = Passphrase.copyOf(PASSPHRASE.toCharArray())) {
            file = AgeEncryptor.encryptWithPassphrase(plaintext, p, WorkFactor.of(logN), new SecureRandom());
        }
        Files.write(dir.resolve("bench.age"), file);
        Files.writeString(dir.resolve("age.exp"), EXPECT);
        // The same expect harness on a work factor 1 file: its cost is the harness, not scrypt.
        try (Passphrase p = Passphrase.copyOf(PASSPHRASE.toCharArray())) {
            Files.write(dir.resolve("cheap.age"), AgeEncryptor.encryptWithPassphrase(plaintext, p, WorkFactor.forTestsOnly(1), new SecureRandom()));
        }
        List<Double> ours = new ArrayList<>();
        List<Double> stock = new ArrayList<>();
        List<Double> harness = new ArrayList<>();
        List<Double> fresh = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            stock.add(stockAge(dir, "bench.age", plaintext));
            fresh.add(freshJvm(dir.resolve("bench.age")));
            long t = System.nanoTime();
            try (Passphrase p = Passphrase.copyOf(PASSPHRASE.toCharArray()); SecretBytes out = AgeFile.parse(file).decrypt(p)) {
                if (!Arrays.equals(out.reveal(), plaintext)) {
                    throw new AssertionError("our decryption gave the wrong plaintext");
                }
            }
            ours.add((System.nanoTime() - t) / 1e9);
            harness.add(stockAge(dir, "cheap.age", plaintext));
        }
        double o = median(ours);
        double s = median(stock);
        double h = median(harness);
        double f = median(fresh);
        System.out.printf("work factor %d, %d rounds, alternating%n", logN, rounds);
        System.out.printf("ours (in process)        : median %.2f s  all %s%n", o, fmt(ours));
        System.out.printf("ours (fresh JVM, java -cp): median %.2f s  all %s%n", f, fmt(fresh));
        System.out.printf("age -d via expect        : median %.2f s  all %s%n", s, fmt(stock));
        System.out.printf("expect harness (logN 1)  : median %.2f s%n", h);
        System.out.printf("ratio ours / age -d      : %.2f in process, %.2f fresh JVM (%.2f / %.2f with the harness cost taken off age's time)%n",
                o / s, f / s, o / (s - h), f / (s - h));
    }

    private static double freshJvm(Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AgeDecryptBenchmark.class.getName(), "--decrypt-once", file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        long t = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("our decryption in a fresh JVM failed");
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private static double stockAge(Path dir, String in, byte[] expected) throws Exception {
        Files.deleteIfExists(dir.resolve("out.pem"));
        ProcessBuilder pb = new ProcessBuilder("expect", "age.exp", "out.pem", in).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("AGE_TEST_PASSPHRASE", PASSPHRASE);
        long t = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("age -d failed");
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        if (!Arrays.equals(Files.readAllBytes(dir.resolve("out.pem")), expected)) {
            throw new AssertionError("age -d gave the wrong plaintext");
        }
        return seconds;
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String fmt(List<Double> xs) {
        return xs.stream().map(x -> String.format("%.2f", x)).toList().toString();
    }
}
