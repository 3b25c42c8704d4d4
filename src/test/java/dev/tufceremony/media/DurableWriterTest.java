package dev.tufceremony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DurableWriterTest {
    @TempDir
    Path drive;

    private Path target;
    private Map<String, String> before;
    private final byte[] content = DriveSnapshot.bytes(5_000, 42);

    @BeforeEach
    void setUp() throws IOException {
        DriveSnapshot.fillWithOtherFiles(drive);
        target = drive.resolve("tuf-ceremony/example-repo/root-0123456789abcdef.key.age");
        before = DriveSnapshot.of(drive);
    }

    private DriveWriteException writeFailing(WriteHooks hooks) {
        return catchThrowableOfType(DriveWriteException.class,
                () -> new DurableWriter(hooks, WriteProgress.NONE).write(target, content));
    }

    private void assertNothingLeftAndOthersUntouched() {
        assertThat(target).doesNotExist();
        assertThat(drive.resolve("tuf-ceremony")).as("folders created by the failed write are removed").doesNotExist();
        assertThat(DriveSnapshot.of(drive)).isEqualTo(before);
    }

    @Test
    void writesCreatesParentsVerifiesAndLeavesNoTemporaryFile() throws IOException {
        WriteReceipt receipt = new DurableWriter().write(target, content);

        assertThat(receipt.path()).isEqualTo(target);
        assertThat(receipt.size()).isEqualTo(content.length);
        assertThat(receipt.sha256()).isEqualTo(DurableWriter.sha256Hex(content)).hasSize(64);
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertThat(s.toList()).containsExactly(target);
        }
        if ("ext4".equals(Files.getFileStore(drive).type())) {
            assertThat(receipt.directRead()).as("ext4 supports O_DIRECT").isTrue();
            assertThat(receipt.directoryForced()).isTrue();
        }
        Map<String, String> after = DriveSnapshot.of(drive);
        after.remove(drive.relativize(target).toString());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void contentLargerThanOneChunkAndNotBlockAlignedRoundTrips() throws IOException {
        byte[] big = DriveSnapshot.bytes(3 * (1 << 20) + 123, 9);
        List<Long> readBackProgress = new ArrayList<>();
        WriteReceipt receipt = new DurableWriter(WriteHooks.NONE, (step, done, total) -> {
            if (step == WriteStep.READ_BACK) {
                readBackProgress.add(done);
            }
        }).write(target, big);

        assertThat(receipt.sha256()).isEqualTo(DurableWriter.sha256Hex(big));
        assertThat(Files.readAllBytes(target)).isEqualTo(big);
        assertThat(readBackProgress).isSorted().last().isEqualTo((long) big.length);
    }

    @Test
    void progressWalksTheStepsInOrder() {
        List<WriteStep> seen = new ArrayList<>();
        new DurableWriter(WriteHooks.NONE, (step, done, total) -> {
            if (seen.isEmpty() || seen.get(seen.size() - 1) != step) {
                seen.add(step);
            }
        }).write(target, content);

        assertThat(seen).containsExactly(WriteStep.values());
    }

    @Test
    void existingFileIsNeverOverwritten() throws IOException {
        Files.createDirectories(target.getParent());
        Files.writeString(target, "the old backup");
        before = DriveSnapshot.of(drive);

        DriveWriteException e = writeFailing(WriteHooks.NONE);

        assertThat(e.step()).isEqualTo(WriteStep.CHECK);
        assertThat(e.getMessage()).contains(target.toString()).contains("already exists").contains("never overwritten");
        assertThat(Files.readString(target)).isEqualTo("the old backup");
        assertThat(DriveSnapshot.of(drive)).isEqualTo(before);
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertThat(s.toList()).containsExactly(target);
        }
    }

    @Test
    void fileAppearingUnderTheFinalNameDuringTheWriteIsNotReplaced() throws IOException {
        DriveWriteException e = writeFailing((step, finalPath, temp) -> {
            if (step == WriteStep.RENAME) {
                Files.writeString(finalPath, "written meanwhile by someone else");
            }
        });

        assertThat(e.getMessage()).contains("already exists");
        assertThat(Files.readString(target)).isEqualTo("written meanwhile by someone else");
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertThat(s.toList()).as("temporary file removed").containsExactly(target);
        }
    }

    @Test
    void danglingSymlinkUnderTheFinalNameCountsAsExisting() throws IOException {
        Files.createDirectories(target.getParent());
        Files.createSymbolicLink(target, drive.resolve("nowhere"));

        assertThat(writeFailing(WriteHooks.NONE).getMessage()).contains("already exists");
        assertThat(Files.isSymbolicLink(target)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(WriteStep.class)
    void faultAtAnyStepLeavesNothingAndNamesTheFile(WriteStep failing) {
        DriveWriteException e = writeFailing((step, finalPath, temp) -> {
            if (step == failing) {
                throw new IOException("injected I/O error");
            }
        });

        assertThat(e.step()).isEqualTo(failing);
        assertThat(e.file()).isEqualTo(target);
        assertThat(e.getMessage()).contains(target.toString()).contains("nothing was left under that name");
        assertNothingLeftAndOthersUntouched();
    }

    @ParameterizedTest
    @EnumSource(value = WriteStep.class, names = {"CREATE_TEMP", "WRITE", "FORCE_FILE", "RENAME"})
    void fullDriveAtAWriteStepIsReportedAsFull(WriteStep failing) {
        DriveWriteException e = writeFailing((step, finalPath, temp) -> {
            if (step == failing) {
                throw new FileSystemException(temp == null ? finalPath.toString() : temp.toString(), null,
                        "No space left on device");
            }
        });

        assertThat(e.getMessage()).contains(target.toString()).contains("ran out of space");
        assertNothingLeftAndOthersUntouched();
    }

    @ParameterizedTest
    @EnumSource(value = WriteStep.class, names = {"CREATE_TEMP", "WRITE", "RENAME"})
    void readOnlyDriveIsReportedAsReadOnly(WriteStep failing) {
        DriveWriteException e = writeFailing((step, finalPath, temp) -> {
            if (step == failing) {
                throw new FileSystemException(finalPath.toString(), null, "Read-only file system");
            }
        });

        assertThat(e.getMessage()).contains(target.toString()).contains("read-only");
        assertNothingLeftAndOthersUntouched();
    }

    @ParameterizedTest
    @EnumSource(value = WriteStep.class, names = {"WRITE", "FORCE_FILE", "RENAME", "FORCE_DIRECTORY", "READ_BACK"})
    void targetFolderDeletedBetweenStepsIsReportedAsVanished(WriteStep failing) {
        DriveWriteException e = writeFailing((step, finalPath, temp) -> {
            if (step == failing) {
                DriveSnapshot.deleteTree(drive.resolve("tuf-ceremony"));
            }
        });

        // Linux lets an open file be written after its folder is unlinked: the loss surfaces at the
        // first step that needs the folder (the rename), never later than that.
        assertThat(e.step()).isBetween(failing, failing.compareTo(WriteStep.RENAME) < 0 ? WriteStep.RENAME : failing);
        assertThat(e.getMessage()).contains(target.toString()).contains("disappeared");
        assertNothingLeftAndOthersUntouched();
    }

    @Test
    void temporaryFileDeletedBeforeTheRenameIsReportedAsVanished() {
        DriveWriteException e = writeFailing((step, finalPath, temp) -> {
            if (step == WriteStep.RENAME) {
                Files.delete(temp);
            }
        });

        assertThat(e.getMessage()).contains("disappeared");
        assertNothingLeftAndOthersUntouched();
    }

    @Test
    void readBackMismatchRemovesTheFileAndSaysTheDriveIsUnreliable() {
        DriveWriteException e = writeFailing((step, finalPath, temp) -> {
            if (step == WriteStep.READ_BACK) {
                byte[] onDisk = Files.readAllBytes(finalPath);
                onDisk[100] ^= 1; // a stick that lost one bit
                Files.write(finalPath, onDisk);
            }
        });

        assertThat(e.step()).isEqualTo(WriteStep.READ_BACK);
        assertThat(e.getMessage()).contains(target.toString()).contains("does not match").contains("unreliable");
        assertNothingLeftAndOthersUntouched();
    }

    @Test
    void existingParentFoldersAreKeptWhenAWriteFails() throws IOException {
        Files.createDirectories(target.getParent());
        Files.writeString(target.resolveSibling("root.json"), "{}");
        before = DriveSnapshot.of(drive);

        writeFailing((step, finalPath, temp) -> {
            if (step == WriteStep.WRITE) {
                throw new IOException("injected");
            }
        });

        assertThat(target.getParent()).isDirectory();
        assertThat(target).doesNotExist();
        assertThat(DriveSnapshot.of(drive)).isEqualTo(before);
    }
}
