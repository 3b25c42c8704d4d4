package dev.tufceremony.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** SHA-256 of every regular file under a folder, keyed by relative path: "byte-identical before and after". */
final class DriveSnapshot {
    private DriveSnapshot() {
    }

    static Map<String, String> of(Path drive) {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(drive)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    hashes.put(drive.relativize(f).toString(), DurableWriter.sha256Hex(Files.readAllBytes(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hashes;
    }

    static void fillWithOtherFiles(Path drive) throws IOException {
        Files.createDirectories(drive.resolve("photos/2025"));
        Files.write(drive.resolve("notes.txt"), "do not touch\n".getBytes());
        Files.write(drive.resolve("photos/2025/img_0001.jpg"), bytes(40_000, 7));
        Files.write(drive.resolve("photos/2025/img_0002.jpg"), bytes(12_345, 11));
    }

    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
