package dev.tufceremony.ceremony;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The transfer medium's layout (DESIGN §4), a folder a repository can publish as is:
 * {@code <repository>/metadata/}, {@code online-keys/}, {@code ceremony/}.
 */
final class ExportLayout {
    private final Path repositoryDir;

    ExportLayout(Path repositoryDir) {
        this.repositoryDir = repositoryDir;
    }

    static ExportLayout on(Path medium, String repository) {
        return new ExportLayout(medium.resolve(repository));
    }

    Path repositoryDir() {
        return repositoryDir;
    }

    Path metadataDir() {
        return repositoryDir.resolve("metadata");
    }

    Path rootVersion(long version) {
        return metadataDir().resolve(version + ".root.json");
    }

    Path rootJson() {
        return metadataDir().resolve("root.json");
    }

    Path metadata(String fileName) {
        return metadataDir().resolve(fileName);
    }

    Path onlineKeysDir() {
        return repositoryDir.resolve("online-keys");
    }

    Path ceremonyDir() {
        return repositoryDir.resolve("ceremony");
    }

    /**
     * {@code <UTC date>-<kind>.transcript.txt}, or {@code -2}, {@code -3}… when a ceremony of the
     * same kind already ran that day in any of {@code dirs} (a transcript is never overwritten).
     */
    static String transcriptName(Instant now, CeremonyKind kind, List<Path> dirs) {
        String base = now.atZone(ZoneOffset.UTC).toLocalDate() + "-" + kind.slug();
        for (int n = 1; ; n++) {
            String name = base + (n == 1 ? "" : "-" + n) + ".transcript.txt";
            boolean free = true;
            for (Path d : dirs) {
                if (Files.exists(d.resolve(name)) || Files.exists(d.resolve(name + ".sig"))) {
                    free = false;
                }
            }
            if (free) {
                return name;
            }
        }
    }
}
