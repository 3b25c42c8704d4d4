package dev.tufceremony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriveTargetsTest {
    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    private LinuxDriveDetector detector;

    @BeforeEach
    void setUp() throws IOException {
        TreeFixture.build("/media/linux/workstation.tree", root);
        detector = new LinuxDriveDetector(root, SystemPaths.of("/", "/boot", "/boot/efi", "/home/alice"));
    }

    private Path folder(String relative) throws IOException {
        return Files.createDirectories(root.resolve(relative));
    }

    @Test
    void folderOnAStickResolvesToThatStick() throws IOException {
        Drive drive = DriveTargets.resolve(folder("media/alice/BACKUP-A/ceremony"), detector, false);

        assertThat(drive.device().serial()).isEqualTo("4C530001230907115034");
        assertThat(drive.removable()).isTrue();
    }

    @Test
    void twoRemovableDrivesAreDistinct() throws IOException {
        Drive a = DriveTargets.resolve(folder("media/alice/BACKUP-A"), detector, false);
        Drive b = DriveTargets.resolve(folder("media/alice/MY CARD"), detector, false);

        assertThatCode(() -> DriveTargets.requireDistinct(a, b)).doesNotThrowAnyException();
    }

    @Test
    void sameStickTwiceIsRefusedNamingBoth() throws IOException {
        Drive a = DriveTargets.resolve(folder("media/alice/BACKUP-A/copy1"), detector, false);
        Drive b = DriveTargets.resolve(folder("media/alice/BACKUP-A/copy2"), detector, false);

        assertThatThrownBy(() -> DriveTargets.requireDistinct(a, b))
                .isInstanceOf(DriveSelectionException.class)
                .hasMessageContaining("same physical device")
                .hasMessageContaining("\"BACKUP-A\"")
                .hasMessageContaining("/dev/sdb");
    }

    @Test
    void stickReachedThroughItsSecondMountIsStillTheSameDevice() throws IOException {
        Drive a = DriveTargets.resolve(folder("media/alice/TRANSFER"), detector, false);
        Drive b = DriveTargets.resolve(folder("srv/transfer/keys"), detector, false);

        assertThat(b.mountPath()).isEqualTo(a.mountPath());
        assertThat(b.device()).isEqualTo(a.device());
        assertThatThrownBy(() -> DriveTargets.requireDistinct(a, b)).hasMessageContaining("TRANSFER");
    }

    @Test
    void twoPartitionsOfOneDiskAreTheSameDevice() {
        DeviceIdentity p1 = new DeviceIdentity("/dev/sdb", "/dev/sdb1", null, "1111-1111", null);
        DeviceIdentity p2 = new DeviceIdentity("/dev/sdb", "/dev/sdb2", null, "2222-2222", null);

        assertThat(p1.sameDeviceAs(p2)).isTrue();
    }

    @Test
    void sameFilesystemUuidOrSerialCountsAsTheSameDevice() {
        DeviceIdentity a = new DeviceIdentity("/dev/sdb", "/dev/sdb1", "AAA", "1A2B-3C4D", null);
        DeviceIdentity cloned = new DeviceIdentity("/dev/sdc", "/dev/sdc1", "BBB", "1a2b-3c4d", null);
        DeviceIdentity sameSerial = new DeviceIdentity("/dev/sdd", "/dev/sdd1", "AAA", "9999-0000", null);
        DeviceIdentity other = new DeviceIdentity("/dev/sde", "/dev/sde1", "CCC", "5555-6666", null);

        assertThat(a.sameDeviceAs(cloned)).isTrue();
        assertThat(a.sameDeviceAs(sameSerial)).isTrue();
        assertThat(a.sameDeviceAs(other)).isFalse();
        assertThat(other.sameDeviceAs(a)).isFalse();
    }

    @Test
    void folderOnTheSystemDiskIsRefusedWithoutTheFlag() throws IOException {
        Path home = folder("home/alice/backup");

        assertThatThrownBy(() -> DriveTargets.resolve(home, detector, false))
                .isInstanceOf(DriveSelectionException.class)
                .hasMessageContaining(home.toString())
                .hasMessageContaining("not on a removable")
                .hasMessageContaining("--allow-non-removable")
                .hasMessageContaining("BACKUP-A");
    }

    @Test
    void missingFolderIsAClearError() {
        Path missing = root.resolve("media/alice/GONE");

        assertThatThrownBy(() -> DriveTargets.resolve(missing, detector, true))
                .isInstanceOf(DriveSelectionException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void plainFoldersWithTheFlagAreDistinctDeviationsUnlessSameOrNested() throws IOException {
        Path a = Files.createDirectories(elsewhere.resolve("drive-a"));
        Path b = Files.createDirectories(elsewhere.resolve("drive-b"));
        Path inA = Files.createDirectories(a.resolve("inner"));

        Drive da = DriveTargets.resolve(a, detector, true);
        Drive db = DriveTargets.resolve(b, detector, true);

        assertThat(da.removable()).isFalse();
        assertThat(da.bus()).isEqualTo(Bus.FOLDER);
        assertThat(da.device().plainFolder()).isEqualTo(a.toRealPath());
        assertThatCode(() -> DriveTargets.requireDistinct(da, db)).doesNotThrowAnyException();
        assertThatThrownBy(() -> DriveTargets.requireDistinct(da, DriveTargets.resolve(a, detector, true)))
                .hasMessageContaining("same physical device");
        assertThatThrownBy(() -> DriveTargets.requireDistinct(DriveTargets.resolve(inA, detector, true), da))
                .hasMessageContaining("same physical device");
    }

    @Test
    void symlinkToTheSameFolderIsTheSameFolder() throws IOException {
        Path a = Files.createDirectories(elsewhere.resolve("drive-a"));
        Path link = Files.createSymbolicLink(elsewhere.resolve("link-to-a"), a);

        Drive da = DriveTargets.resolve(a, detector, true);
        Drive viaLink = DriveTargets.resolve(link, detector, true);

        assertThatThrownBy(() -> DriveTargets.requireDistinct(da, viaLink)).isInstanceOf(DriveSelectionException.class);
    }

    @Test
    void plainFolderAndARemovableDriveAreDistinct() throws IOException {
        Drive stick = DriveTargets.resolve(folder("media/alice/BACKUP-A"), detector, false);
        Drive plain = DriveTargets.resolve(Files.createDirectories(elsewhere.resolve("x")), detector, true);

        assertThatCode(() -> DriveTargets.requireDistinct(stick, plain)).doesNotThrowAnyException();
    }

    @Test
    void folderDetectorOffersExistingFoldersAsNonRemovableDrives() throws IOException {
        Path a = Files.createDirectories(elsewhere.resolve("a"));
        Path b = elsewhere.resolve("b");
        FolderDriveDetector folders = new FolderDriveDetector(List.of(a, b));

        assertThat(folders.detect()).extracting(Drive::mountPath).containsExactly(a.toRealPath());
        Files.createDirectories(b);
        assertThat(folders.detect()).extracting(Drive::mountPath).containsExactly(a.toRealPath(), b.toRealPath());
        assertThat(folders.detect()).noneMatch(Drive::removable);

        assertThat(DriveTargets.resolve(b.resolve("."), folders, true).mountPath()).isEqualTo(b.toRealPath());
        assertThatThrownBy(() -> DriveTargets.resolve(b, folders, false)).isInstanceOf(DriveSelectionException.class);
    }
}
