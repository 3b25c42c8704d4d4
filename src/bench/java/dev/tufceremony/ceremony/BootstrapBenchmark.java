package dev.tufceremony.ceremony;

import dev.tufceremony.backup.AgeEncryptor;
import dev.tufceremony.backup.AgeFile;
import dev.tufceremony.backup.WorkFactor;
import dev.tufceremony.cli.Cli;
import dev.tufceremony.passphrase.DicewareGenerator;
import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.secret.SecretBytes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A scripted bootstrap at the default work factor (20) against its KDF work alone: the same number
 * of scrypt(N = 2^20, r = 8, p = 1) derivations the bootstrap makes (root backup: encrypt + check;
 * each of the three online keys under a passphrase: encrypt + check = 8). Goal: bootstrap < 3 × KDF.
 * Not a test: run with ceremony-scripts/bench-bootstrap.sh. Throwaway keys and passphrases go to a
 * temporary folder that is deleted afterwards.
 */
public final class BootstrapBenchmark {
    static final int KDF_RUNS_PER_BOOTSTRAP = 8;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int workFactor = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Double> bootstrap = new ArrayList<>();
        List<Double> kdf = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            // Alternate the order so that warm-up and machine load do not favour one side.
            if (i % 2 == 0) {
                bootstrap.add(bootstrapSeconds(workFactor));
                kdf.add(kdfSeconds(workFactor));
            } else {
                kdf.add(kdfSeconds(workFactor));
                bootstrap.add(bootstrapSeconds(workFactor));
            }
            System.err.printf("run %d: bootstrap %.1f s, KDF alone %.1f s%n", i + 1, bootstrap.get(i), kdf.get(i));
        }
        double b = median(bootstrap);
        double k = median(kdf);
        System.out.println("| work factor | runs | bootstrap median | KDF alone (" + KDF_RUNS_PER_BOOTSTRAP
                + " × scrypt) median | ratio | every run (bootstrap / KDF) |");
        System.out.println("|---|---|---|---|---|---|");
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < runs; i++) {
            each.append(i == 0 ? "" : "; ").append(String.format("%.1f / %.1f s", bootstrap.get(i), kdf.get(i)));
        }
        System.out.printf("| %d | %d | %.1f s | %.1f s | %.2f× | %s |%n", workFactor, runs, b, k, b / k, each);
    }

    /**
     * The same 8 derivations through the program's own scrypt: 4 age encryptions of one byte under a
     * passphrase plus their decryptions (one derivation each; the rest of the work is negligible).
     */
    static double kdfSeconds(int workFactor) {
        WorkFactor wf = workFactor >= WorkFactor.MIN ? WorkFactor.of(workFactor) : WorkFactor.forTestsOnly(workFactor);
        SecureRandom random = new SecureRandom();
        long t = System.nanoTime();
        for (int i = 0; i < KDF_RUNS_PER_BOOTSTRAP / 2; i++) {
            try (Passphrase p = Passphrase.copyOf("benchmark passphrase, not a secret".toCharArray())) {
                byte[] file = AgeEncryptor.encryptWithPassphrase(new byte[] {1}, p, wf, random);
                try (SecretBytes plain = AgeFile.parse(file).decrypt(p)) {
                    if (plain.length() != 1) {
                        throw new AssertionError("round trip failed");
                    }
                }
            }
        }
        return (System.nanoTime() - t) / 1e9;
    }

    static double bootstrapSeconds(int workFactor) throws IOException {
        Path dir = Files.createTempDirectory("bootstrap-bench");
        try {
            for (String d : List.of("a", "b", "out")) {
                Files.createDirectories(dir.resolve(d));
            }
            writePassphrase(dir.resolve("root.pass"));
            writePassphrase(dir.resolve("online.pass"));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            long t = System.nanoTime();
            int code = Cli.run(new PrintWriter(out), new PrintWriter(err), "bootstrap", "--repository", "bench",
                    "--out", dir.resolve("out").toString(), "--backup", dir.resolve("a").toString(), "--backup", dir.resolve("b").toString(),
                    "--passphrase-file", dir.resolve("root.pass").toString(), "--online-passphrase-file", dir.resolve("online.pass").toString(),
                    "--work-factor", Integer.toString(workFactor), "--allow-non-removable");
            double s = (System.nanoTime() - t) / 1e9;
            if (code != 0) {
                throw new IllegalStateException("bootstrap failed: " + err);
            }
            return s;
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static void writePassphrase(Path file) throws IOException {
        try (Passphrase p = new DicewareGenerator(new SecureRandom()).generate()) {
            byte[] utf8 = p.toUtf8();
            try {
                Files.write(file, utf8);
            } finally {
                Arrays.fill(utf8, (byte) 0);
            }
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
