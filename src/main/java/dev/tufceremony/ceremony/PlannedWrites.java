package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.media.DurableWriter;
import dev.tufceremony.media.WriteReceipt;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every file a ceremony will write, known before the first write so that one that already exists
 * refuses the ceremony before anything is written (DESIGN §5: nothing existing is overwritten).
 * The one planned replacement is {@code metadata/root.json}, the copy of the newest root that the
 * rotation must update (issue 5); versioned roots are never replaced.
 */
final class PlannedWrites {
    record Planned(String medium, Path path, boolean replaces) {
    }

    private final List<Planned> planned = new ArrayList<>();

    void add(String medium, Path path) {
        planned.add(new Planned(medium, path, false));
    }

    void addReplacing(String medium, Path path) {
        planned.add(new Planned(medium, path, true));
    }

    List<Planned> all() {
        return List.copyOf(planned);
    }

    /** Refuses, naming the first planned file that exists (or is planned twice). */
    void refuseExisting() {
        List<Path> seen = new ArrayList<>();
        for (Planned p : planned) {
            Path abs = p.path().toAbsolutePath().normalize();
            if (seen.contains(abs)) {
                throw new CeremonyError("The file " + p.path() + " would be written twice (two media are the same folder); "
                        + "choose distinct folders — nothing was written.");
            }
            seen.add(abs);
            if (!p.replaces() && Files.exists(p.path(), LinkOption.NOFOLLOW_LINKS)) {
                throw new CeremonyError("The file " + p.path() + " on the " + p.medium()
                        + " medium already exists and is never overwritten; move it away or choose another medium — nothing was written.");
            }
        }
    }

    /** Writes a new file durably (refuses an existing one) and returns what the witnesses record. */
    static WrittenFile write(DurableWriter writer, String medium, Path path, byte[] bytes) {
        WriteReceipt r = writer.write(path, bytes);
        return new WrittenFile(medium, r.path(), r.size(), r.sha256());
    }

    /**
     * Replaces {@code path} (only root.json): the new content is first written durably under a
     * temporary name, then atomically renamed over the old one, and read back.
     */
    static WrittenFile replace(DurableWriter writer, String medium, Path path, byte[] bytes) {
        Path temp = path.resolveSibling("." + path.getFileName() + ".new-" + Long.toHexString(System.nanoTime()));
        WriteReceipt r = writer.write(temp, bytes);
        try {
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(path.getParent());
            byte[] back = Files.readAllBytes(path);
            if (!Arrays.equals(back, bytes)) {
                throw new CeremonyError("The file " + path + " on the " + medium
                        + " medium did not read back as written; check the medium and run the ceremony's verification again.");
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Best effort: the temporary name is not the file clients read.
            }
            throw new CeremonyError("The file " + path + " on the " + medium + " medium could not be replaced ("
                    + e.getClass().getSimpleName() + "); check the medium is writable — the versioned root files are complete.");
        }
        return new WrittenFile(medium, path.toAbsolutePath().normalize(), r.size(), r.sha256());
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open a directory; the file itself was forced before the rename.
        }
    }
}
