package dev.tufceremony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowsDriveDetectorTest {
    private static CapturedCommands powershell(String resource) {
        return new CapturedCommands(Map.of(WindowsDriveDetector.command(), "/media/windows/" + resource));
    }

    private static final SystemPaths SYSTEM = SystemPaths.of("C:\\", "C:\\Windows", "C:\\Users\\alice",
            "C:\\Program Files\\tuf-ceremony\\app\\tuf-ceremony.jar");

    @Test
    void offersUsbAndSdVolumesButNeverTheSystemDiskOrSata() {
        List<Drive> drives = new WindowsDriveDetector(powershell("get-disk-partition-volume.json"), SYSTEM).detect();

        // C: and D: are on the system/boot NVMe disk; H: is an internal SATA disk.
        assertThat(drives).extracting(d -> d.mountPath().toString()).containsExactly("E:\\", "F:\\", "G:\\");
        Drive stick = drives.get(0);
        assertThat(stick.bus()).isEqualTo(Bus.USB);
        assertThat(stick.label()).isEqualTo("BACKUP-A");
        assertThat(stick.filesystem()).isEqualTo("FAT32");
        assertThat(stick.freeBytes()).isEqualTo(30700000000L);
        assertThat(stick.device()).isEqualTo(new DeviceIdentity("\\\\.\\PhysicalDrive2", "E:", "4C530001230907115034",
                "\\\\?\\Volume{b1c2d3e4-5f60-11ef-9a1b-806e6f6e6963}\\", null));
        assertThat(drives.get(1).bus()).isEqualTo(Bus.SD);
        assertThat(drives.get(1).device().serial()).as("blank serial is unknown").isNull();
    }

    @Test
    void diskHoldingTheRunningProgramIsNeverOffered() {
        SystemPaths programOnT7 = SystemPaths.of("C:\\", "C:\\Users\\alice", "G:\\PortableApps\\tuf-ceremony.jar");

        List<Drive> drives = new WindowsDriveDetector(powershell("get-disk-partition-volume.json"), programOnT7).detect();

        assertThat(drives).extracting(d -> d.mountPath().toString()).containsExactly("E:\\", "F:\\");
    }

    @Test
    void singleObjectOutputAndNumericBusTypeAreUnderstood() {
        List<Drive> drives = new WindowsDriveDetector(powershell("single-usb-numeric-bustype.json"), SYSTEM).detect();

        assertThat(drives).singleElement().satisfies(d -> {
            assertThat(d.bus()).isEqualTo(Bus.USB);
            assertThat(d.mountPath().toString()).isEqualTo("E:\\");
        });
    }

    @Test
    void noVolumesIsNoDrives() {
        assertThat(new WindowsDriveDetector(command -> "", SYSTEM).detect()).isEmpty();
    }
}
