package dev.tufceremony.tuf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The python-tuf fixture repositories under src/test/resources/fixtures/tuf (read-only). */
final class Fixtures {
    private Fixtures() {
    }

    static Path root() {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/tuf").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path repo(String kindAndName) {
        return root().resolve(kindAndName);
    }

    static List<Path> repos(String kind) {
        try (Stream<Path> s = Files.list(root().resolve(kind))) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> allRepos() {
        return Stream.concat(repos("good").stream(), repos("bad").stream()).toList();
    }

    static List<Path> metadataFiles(Path repo) {
        try (Stream<Path> s = Files.list(repo.resolve("metadata"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> allMetadataFiles() {
        return allRepos().stream().flatMap(r -> metadataFiles(r).stream()).toList();
    }

    static String name(Path file) {
        return root().relativize(file).toString();
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
