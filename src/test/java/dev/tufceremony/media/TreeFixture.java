package dev.tufceremony.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds a captured {@code /proc} + {@code /sys} + {@code /dev} tree into a folder from a small text
 * description (git and Maven resources do not reliably keep sysfs symlinks and names with colons):
 * <pre>
 * # comment
 * some/dir/                  a folder
 * some/file = text           a file holding "text\n"
 * some/link -> ../target     a symbolic link
 * some/file &lt;&lt;END          a file holding the following lines up to END
 * </pre>
 */
public final class TreeFixture {
    private TreeFixture() {
    }

    public static Path build(String resource, Path root) throws IOException {
        String text;
        try (InputStream in = TreeFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int heredoc = line.indexOf(" <<");
            int eq = line.indexOf(" = ");
            int arrow = line.indexOf(" -> ");
            if (heredoc > 0 && eq < 0 && arrow < 0) {
                String end = line.substring(heredoc + 3).strip();
                StringBuilder content = new StringBuilder();
                for (i++; !lines.get(i).equals(end); i++) {
                    content.append(lines.get(i)).append('\n');
                }
                write(root.resolve(line.substring(0, heredoc)), content.toString());
            } else if (arrow > 0) {
                Path link = root.resolve(line.substring(0, arrow));
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, Path.of(line.substring(arrow + 4).strip()));
            } else if (eq > 0) {
                write(root.resolve(line.substring(0, eq)), line.substring(eq + 3) + "\n");
            } else if (line.endsWith("/")) {
                Files.createDirectories(root.resolve(line));
            } else {
                throw new IOException(resource + " line " + (i + 1) + " is not understood: " + line);
            }
        }
        return root;
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
