package dev.tufceremony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same faults on a real, tiny filesystem: a 1 MiB tmpfs that really fills up and really becomes
 * read-only. Needs root (mount); it may skip only outside CI. Under CI=true it fails instead.
 */
class DurableWriterTmpfsTest {
    @TempDir
    Path mountPoint;

    private boolean mounted;
    private Path target;
    private Map<String, String> before;

    @BeforeEach
    void mountTmpfs() throws Exception {
        String problem = run("mount", "-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", mountPoint.toString());
        if (problem != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but a 1 MiB tmpfs could not be mounted (run the tests as root): " + problem);
            }
            Assumptions.abort("cannot mount a tmpfs here (needs root): " + problem);
        }
        mounted = true;
        DriveSnapshot.fillWithOtherFiles(mountPoint);
        target = mountPoint.resolve("tuf-ceremony/example-repo/root-0123456789abcdef.key.age");
        before = DriveSnapshot.of(mountPoint);
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", "-l", mountPoint.toString());
        }
    }

    @Test
    void writesAndVerifiesOnARealSmallFilesystem() throws IOException {
        byte[] content = DriveSnapshot.bytes(100_000, 5);
        WriteReceipt receipt = new DurableWriter().write(target, content);

        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(receipt.sha256()).isEqualTo(DurableWriter.sha256Hex(content));
    }

    @Test
    void fileLargerThanTheFreeSpaceIsRefusedBeforeAnythingIsWritten() throws IOException {
        long free = Files.getFileStore(mountPoint).getUsableSpace();
        byte[] content = new byte[2 << 20];

        DriveWriteException e = catchThrowableOfType(DriveWriteException.class,
                () -> new DurableWriter().write(target, content));

        assertThat(e.step()).isEqualTo(WriteStep.CHECK);
        assertThat(e.getMessage()).contains(target.toString()).contains("bytes free")
                .contains(String.valueOf(content.length + DurableWriter.FREE_SPACE_MARGIN));
        assertThat(free).isLessThan(content.length);
        assertThat(target).doesNotExist();
        assertThat(mountPoint.resolve("tuf-ceremony")).doesNotExist();
        assertThat(DriveSnapshot.of(mountPoint)).isEqualTo(before);
    }

    @Test
    void driveFillingUpDuringTheWriteFailsCleanlyWithARealNoSpaceError() throws IOException {
        byte[] content = DriveSnapshot.bytes(300_000, 6);
        Path filler = mountPoint.resolve("filler.bin");

        // Between the free-space check and the write, something else fills the drive.
        DriveWriteException e = catchThrowableOfType(DriveWriteException.class,
                () -> new DurableWriter((step, finalPath, temp) -> {
                    if (step == WriteStep.WRITE) {
                        fill(filler);
                    }
                }, WriteProgress.NONE).write(target, content));

        assertThat(e.getMessage()).contains(target.toString()).contains("ran out of space");
        assertThat(target).doesNotExist();
        assertThat(mountPoint.resolve("tuf-ceremony")).doesNotExist();
        Map<String, String> after = DriveSnapshot.of(mountPoint);
        after.remove("filler.bin");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void readOnlyFilesystemIsRefusedAndNothingChanges() throws Exception {
        assertThat(run("mount", "-o", "remount,ro", mountPoint.toString())).isNull();

        DriveWriteException e = catchThrowableOfType(DriveWriteException.class,
                () -> new DurableWriter().write(target, new byte[10]));

        assertThat(e.step()).isEqualTo(WriteStep.CHECK);
        assertThat(e.getMessage()).contains(target.toString()).contains("read-only");
        assertThat(target).doesNotExist();
        assertThat(DriveSnapshot.of(mountPoint)).isEqualTo(before);
    }

    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // ENOSPC: the drive is now full.
        }
    }

    /** Runs a command; null on success, else a short reason. */
    private static String run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", command) + " timed out";
        }
        return p.exitValue() == 0 ? null : output.strip();
    }
}
