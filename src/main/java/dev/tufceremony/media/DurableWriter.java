package dev.tufceremony.media;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that success means it is on the device: check, temporary name next to the final
 * one, {@code force(true)}, atomic rename, force the folder, read back (O_DIRECT where the filesystem
 * allows) and compare SHA-256. An existing file is never overwritten. On any failure the temporary
 * file, a file renamed by this write, and folders this write created are removed; nothing else on
 * the drive is touched, and a {@link DriveWriteException} names the file and what to do.
 *
 * <p>Residual race, accepted on a single-operator offline machine: the final name is checked just
 * before the rename, but Java has no rename-without-replace ({@code renameat2(RENAME_NOREPLACE)}), and
 * hard links (which refuse to replace) do not exist on FAT/exFAT sticks.
 */
public final class DurableWriter {
    /** Head room required above the file's size: directory entries, FAT cluster rounding, metadata. */
    public static final long FREE_SPACE_MARGIN = 64 * 1024;
    private static final int CHUNK = 1 << 20;

    private final WriteHooks hooks;
    private final WriteProgress progress;

    public DurableWriter() {
        this(WriteHooks.NONE, WriteProgress.NONE);
    }

    public DurableWriter(WriteHooks hooks, WriteProgress progress) {
        this.hooks = hooks;
        this.progress = progress;
    }

    /** Writes {@code content} to {@code finalPath}, creating missing parent folders; see the class comment. */
    public WriteReceipt write(Path finalPath, byte[] content) {
        Path target = finalPath.toAbsolutePath().normalize();
        Path dir = target.getParent();
        byte[] expected = sha256(content);
        Path temp = null;
        boolean renamed = false;
        List<Path> createdDirs = new ArrayList<>();
        WriteStep step = WriteStep.CHECK;
        try {
            hooks.before(step, target, null);
            progress.progress(step, 0, content.length);
            check(target, content.length);

            step = WriteStep.CREATE_TEMP;
            hooks.before(step, target, null);
            progress.progress(step, 0, content.length);
            createParents(dir, createdDirs);
            temp = dir.resolve("." + target.getFileName() + ".tmp-"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                step = WriteStep.WRITE;
                hooks.before(step, target, temp);
                int done = 0;
                progress.progress(step, 0, content.length);
                while (done < content.length) {
                    int n = Math.min(CHUNK, content.length - done);
                    ByteBuffer buf = ByteBuffer.wrap(content, done, n);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    done += n;
                    progress.progress(step, done, content.length);
                }
                step = WriteStep.FORCE_FILE;
                hooks.before(step, target, temp);
                progress.progress(step, 0, content.length);
                ch.force(true);
            }

            step = WriteStep.RENAME;
            hooks.before(step, target, temp);
            progress.progress(step, 0, content.length);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw refuseExisting(target, step);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            renamed = true;
            temp = null;

            step = WriteStep.FORCE_DIRECTORY;
            hooks.before(step, target, null);
            progress.progress(step, 0, content.length);
            boolean dirForced = forceDirectory(dir);
            for (Path created : createdDirs) {
                forceDirectory(created.getParent());
            }

            step = WriteStep.READ_BACK;
            hooks.before(step, target, null);
            ReadBack back = readBack(target, content.length);
            if (back.size != content.length || !MessageDigest.isEqual(expected, back.sha256)) {
                throw new DriveWriteException(target, step, "The file " + target + " read back from the drive ("
                        + back.size + " bytes, SHA-256 " + HexFormat.of().formatHex(back.sha256)
                        + ") does not match what was written (" + content.length + " bytes, SHA-256 "
                        + HexFormat.of().formatHex(expected)
                        + "), so it was removed; the drive is unreliable, use another one.", null);
            }
            return new WriteReceipt(target, content.length, HexFormat.of().formatHex(expected), back.direct, dirForced);
        } catch (DriveWriteException e) {
            cleanUp(temp, renamed ? target : null, createdDirs);
            throw e;
        } catch (IOException | RuntimeException e) {
            DriveWriteException error = failure(target, dir, step, e); // before clean-up removes folders
            cleanUp(temp, renamed ? target : null, createdDirs);
            throw error;
        }
    }

    private static void check(Path target, long size) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw refuseExisting(target, WriteStep.CHECK);
        }
        Path existing = target.getParent();
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new NoSuchFileException(target.toString());
        }
        FileStore store = Files.getFileStore(existing);
        if (store.isReadOnly()) {
            throw new DriveWriteException(target, WriteStep.CHECK, "The drive holding " + target
                    + " is read-only (write-protect switch or read-only mount), so nothing was written; unlock it or mount it read-write and try again.",
                    null);
        }
        long free = store.getUsableSpace();
        long needed = size + FREE_SPACE_MARGIN;
        if (free < needed) {
            throw new DriveWriteException(target, WriteStep.CHECK, "The drive holding " + target + " has " + free
                    + " bytes free but writing it needs " + needed + " (" + size + " bytes plus a " + FREE_SPACE_MARGIN
                    + "-byte margin), so nothing was written; free some space or use a larger drive.", null);
        }
    }

    private static DriveWriteException refuseExisting(Path target, WriteStep step) {
        return new DriveWriteException(target, step, "The file " + target
                + " already exists and existing files are never overwritten; choose another folder or drive, or move the old file away yourself.",
                null);
    }

    private static void createParents(Path dir, List<Path> created) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            Files.createDirectory(p);
            created.add(p);
        }
    }

    /** Forces a folder's entries to the device; false where the platform cannot open folders (Windows). */
    private static boolean forceDirectory(Path dir) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (AccessDeniedException | UnsupportedOperationException e) {
            return false;
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            return false;
        }
        try (ch) {
            ch.force(true);
            return true;
        } catch (IOException e) {
            // Some filesystems refuse fsync on a folder (EINVAL); the file itself was forced already.
            if (!Files.isDirectory(dir)) {
                throw e;
            }
            return false;
        }
    }

    private record ReadBack(long size, byte[] sha256, boolean direct) {
    }

    /** Reads the file back, bypassing the page cache with O_DIRECT where the filesystem supports it. */
    private ReadBack readBack(Path file, long total) throws IOException {
        MessageDigest digest = newDigest();
        int block = 4096;
        try {
            block = (int) Math.max(512, Math.min(1 << 16, Files.getFileStore(file).getBlockSize()));
        } catch (UnsupportedOperationException | IOException e) {
            // Keep 4096, a multiple of every common logical block size.
        }
        FileChannel direct = null;
        try {
            direct = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT);
        } catch (UnsupportedOperationException | IOException e) {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw e instanceof IOException io ? io : new NoSuchFileException(file.toString());
            }
            direct = null; // tmpfs and some FUSE filesystems refuse O_DIRECT: fall back to a normal read
        }
        long size = 0;
        if (direct != null) {
            try (FileChannel ch = direct) {
                ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK + block).alignedSlice(block);
                int limit = CHUNK - CHUNK % block;
                buf.limit(limit);
                try {
                    int n;
                    // O_DIRECT reads whole blocks at aligned positions; a read ending off a block boundary is EOF.
                    while ((n = ch.read(buf)) > 0) {
                        buf.flip();
                        digest.update(buf);
                        size += n;
                        progress.progress(WriteStep.READ_BACK, size, total);
                        buf.clear();
                        buf.limit(limit);
                        if (n % block != 0) {
                            break;
                        }
                    }
                } finally {
                    buf.clear();
                    while (buf.hasRemaining()) {
                        buf.put((byte) 0);
                    }
                }
            }
            return new ReadBack(size, digest.digest(), true);
        }
        byte[] buf = new byte[CHUNK];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bb = ByteBuffer.wrap(buf);
            int n;
            while ((n = ch.read(bb)) > 0) {
                digest.update(buf, 0, n);
                size += n;
                progress.progress(WriteStep.READ_BACK, size, total);
                bb.clear();
            }
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
        return new ReadBack(size, digest.digest(), false);
    }

    /** Removes only what this write created: the temp file, the renamed file, then new empty folders. */
    private static void cleanUp(Path temp, Path renamedTarget, List<Path> createdDirs) {
        for (Path p : new Path[] {temp, renamedTarget}) {
            if (p != null) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException | RuntimeException e) {
                    // The drive may be gone; the error reported to the operator says so.
                }
            }
        }
        for (int i = createdDirs.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(createdDirs.get(i));
            } catch (IOException | RuntimeException e) {
                // Not empty (someone else wrote there) or gone: leave it.
            }
        }
    }

    private static DriveWriteException failure(Path target, Path dir, WriteStep step, Exception e) {
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : String.valueOf(e.getMessage());
        String lower = reason.toLowerCase(Locale.ROOT);
        String what = step.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String message;
        if (lower.contains("no space") || lower.contains("disk full") || lower.contains("not enough space")) {
            message = "The drive holding " + target + " ran out of space during the " + what
                    + " step, so nothing was left under that name; free some space or use a larger drive.";
        } else if (lower.contains("read-only")) {
            message = "The drive holding " + target + " is read-only (failed at the " + what
                    + " step), so nothing was left under that name; unlock it or mount it read-write and try again.";
        } else if (e instanceof NoSuchFileException || !isDirectoryQuietly(dir)) {
            message = "The drive or folder holding " + target + " disappeared during the " + what
                    + " step, so nothing was left under that name; reinsert the drive and write again.";
        } else {
            message = "Writing " + target + " failed at the " + what + " step (" + reason
                    + "), so nothing was left under that name; check the drive and try again, or use another one.";
        }
        return new DriveWriteException(target, step, message, e);
    }

    private static boolean isDirectoryQuietly(Path dir) {
        try {
            return dir != null && Files.isDirectory(dir);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Hex SHA-256 of a byte array (for hashing other files in tests and reports). */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    private static byte[] sha256(byte[] content) {
        return newDigest().digest(content);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
