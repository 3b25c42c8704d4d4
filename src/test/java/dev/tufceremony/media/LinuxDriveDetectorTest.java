package dev.tufceremony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxDriveDetectorTest {
    private static final SystemPaths WORKSTATION_SYSTEM = SystemPaths.of("/", "/boot", "/boot/efi", "/home/alice",
            "/usr/lib/jvm/java-17-openjdk-amd64", "/home/alice/tuf-ceremony/tuf-ceremony.jar");

    @TempDir
    Path root;

    private Map<String, Drive> detect(String tree, SystemPaths system) throws IOException {
        TreeFixture.build("/media/linux/" + tree, root);
        List<Drive> drives = new LinuxDriveDetector(root, system).detect();
        return drives.stream().collect(Collectors.toMap(d -> root.relativize(d.mountPath()).toString(),
                Function.identity()));
    }

    @Test
    void workstationOffersExactlyTheUsbAndSdDrives() throws IOException {
        Map<String, Drive> drives = detect("workstation.tree", WORKSTATION_SYSTEM);

        // Not the NVMe system disk, the SATA data disk, nor the loop devices (one holds a writable vfat).
        assertThat(drives.keySet()).containsExactlyInAnyOrder("media/alice/BACKUP-A", "media/alice/T7",
                "media/alice/MY CARD", "media/alice/TRANSFER");
        assertThat(drives.values()).allMatch(Drive::removable);
    }

    @Test
    void usbStickCarriesItsIdentity() throws IOException {
        Drive stick = detect("workstation.tree", WORKSTATION_SYSTEM).get("media/alice/BACKUP-A");

        assertThat(stick.bus()).isEqualTo(Bus.USB);
        assertThat(stick.label()).isEqualTo("BACKUP-A");
        assertThat(stick.filesystem()).isEqualTo("vfat");
        assertThat(stick.totalBytes()).isEqualTo(60060452L * 512);
        assertThat(stick.freeBytes()).isPositive(); // the mount folder exists in the tree
        assertThat(stick.device()).isEqualTo(new DeviceIdentity("/dev/sdb", "/dev/sdb1", "4C530001230907115034",
                "1A2B-3C4D", null));
    }

    @Test
    void usbSsdReportingRemovableZeroIsStillOffered() throws IOException {
        Drive ssd = detect("workstation.tree", WORKSTATION_SYSTEM).get("media/alice/T7");

        assertThat(ssd.bus()).isEqualTo(Bus.USB);
        assertThat(ssd.label()).isEqualTo("T7"); // no by-label link: the mount folder's name
        assertThat(ssd.filesystem()).isEqualTo("exfat");
        assertThat(ssd.device().serial()).isEqualTo("0123456789ABCDEF0C3");
        assertThat(ssd.device().diskNode()).isEqualTo("/dev/sdc");
    }

    @Test
    void sdCardInPciReaderIsAnSdDriveWithUnescapedLabelAndMountPoint() throws IOException {
        Drive card = detect("workstation.tree", WORKSTATION_SYSTEM).get("media/alice/MY CARD");

        assertThat(card.bus()).isEqualTo(Bus.SD);
        assertThat(card.label()).isEqualTo("MY CARD");
        assertThat(card.device()).isEqualTo(new DeviceIdentity("/dev/mmcblk0", "/dev/mmcblk0p1", "0x6a3b1c2d",
                "3930-6332", null));
    }

    @Test
    void driveMountedTwiceIsOneDriveReachableAtBothPaths() throws IOException {
        Map<String, Drive> drives = detect("workstation.tree", WORKSTATION_SYSTEM);
        Drive transfer = drives.get("media/alice/TRANSFER");

        assertThat(drives.values()).filteredOn(d -> "/dev/sde".equals(d.device().diskNode())).hasSize(1);
        assertThat(transfer.alsoMountedAt()).containsExactly(root.resolve("srv/transfer"));
        assertThat(transfer.contains(root.resolve("srv/transfer/keys"))).isTrue();
    }

    @Test
    void stickHoldingTheRunningProgramIsNeverOffered() throws IOException {
        SystemPaths system = SystemPaths.of("/", "/boot", "/home/alice", "/media/alice/BACKUP-A/tuf-ceremony.jar");

        Map<String, Drive> drives = detect("workstation.tree", system);

        assertThat(drives.keySet()).containsExactlyInAnyOrder("media/alice/T7", "media/alice/MY CARD",
                "media/alice/TRANSFER");
    }

    @Test
    void homeOnABindMountedStickHidesThatStickUnderEveryMountPath() throws IOException {
        SystemPaths system = SystemPaths.of("/", "/srv/transfer/alice");

        assertThat(detect("workstation.tree", system).keySet()).doesNotContain("media/alice/TRANSFER");
    }

    @Test
    void bootStickIsNeverOfferedEvenThroughItsDataPartition() throws IOException {
        SystemPaths system = SystemPaths.of("/", "/boot/efi", "/home/user", "/usr/share/tuf-ceremony/tuf-ceremony.jar");

        Map<String, Drive> drives = detect("live-usb.tree", system);

        // sda holds / (booted from USB): its partition at /media/user/DATA is the same disk, so it is hidden;
        // the eMMC is internal; the other stick, the SD card and the USB card reader are offered.
        assertThat(drives.keySet()).containsExactlyInAnyOrder("media/user/KEYS", "media/user/SDCARD",
                "media/user/READER");
        assertThat(drives.get("media/user/SDCARD").bus()).isEqualTo(Bus.SD);
        assertThat(drives.get("media/user/READER").bus()).isEqualTo(Bus.USB);
        assertThat(drives.get("media/user/KEYS").device().serial()).isEqualTo("AA00000000012345");
    }

    @Test
    void withoutSystemPathsTheBootStickWouldBeListed() throws IOException {
        // Guards the test above: the boot stick is hidden by the system-disk rule, not by accident.
        Map<String, Drive> drives = detect("live-usb.tree", new SystemPaths(List.of()));

        assertThat(drives.keySet()).contains("", "boot/efi", "media/user/DATA");
        assertThat(drives.keySet()).doesNotContain("mnt/emmc");
    }

    @Test
    void rescanSeesADriveAppearAndDisappear() throws IOException {
        TreeFixture.build("/media/linux/workstation.tree", root);
        LinuxDriveDetector detector = new LinuxDriveDetector(root, WORKSTATION_SYSTEM);
        Path mountinfo = root.resolve("proc/self/mountinfo");
        String all = Files.readString(mountinfo);
        assertThat(detector.detect()).hasSize(4);

        Files.writeString(mountinfo, all.lines().filter(l -> !l.contains("BACKUP-A"))
                .collect(Collectors.joining("\n", "", "\n")));
        assertThat(detector.detect()).extracting(d -> d.label()).doesNotContain("BACKUP-A").hasSize(3);

        Files.writeString(mountinfo, all);
        assertThat(detector.detect()).extracting(d -> d.label()).contains("BACKUP-A").hasSize(4);
    }

    @Test
    void unreadableMountTableIsAClearError() {
        assertThatThrownBy(() -> new LinuxDriveDetector(root, WORKSTATION_SYSTEM).detect())
                .isInstanceOf(DriveDetectionException.class)
                .hasMessageContaining("mountinfo");
    }

    @Test
    void mountinfoEscapesAreDecoded() {
        assertThat(LinuxDriveDetector.unescapeOctal("/media/a\\040b\\134c")).isEqualTo("/media/a b\\c");
        assertThat(LinuxDriveDetector.unescapeUdev("MY\\x20CARD\\xc3\\xa9")).isEqualTo("MY CARDé");
    }

    @Test
    void thisMachinesRealRootNeverOffersTheDiskHoldingRoot() {
        // On any machine: whatever is listed, nothing is mounted at "/" or holds the home folder.
        List<Drive> drives = new LinuxDriveDetector(Path.of("/"), SystemPaths.current()).detect();
        for (Drive d : drives) {
            assertThat(d.mountPath()).isNotEqualTo(Path.of("/"));
            assertThat(Path.of(System.getProperty("user.home")).startsWith(d.mountPath())).isFalse();
        }
    }
}
