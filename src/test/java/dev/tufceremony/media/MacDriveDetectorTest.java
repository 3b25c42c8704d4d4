package dev.tufceremony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MacDriveDetectorTest {
    private static CapturedCommands diskutil() {
        Map<List<String>, String> out = new HashMap<>();
        out.put(List.of("diskutil", "list", "-plist", "external", "physical"), "/media/mac/list-external-physical.plist");
        for (String id : List.of("disk4", "disk4s1", "disk5", "disk5s1", "disk6", "disk6s1", "disk6s2", "disk7", "disk7s1")) {
            out.put(List.of("diskutil", "info", "-plist", id), "/media/mac/info-" + id + ".plist");
        }
        return new CapturedCommands(out);
    }

    private static final SystemPaths SYSTEM = SystemPaths.of("/", "/Users/alice",
            "/Applications/tuf-ceremony.app/Contents/app/tuf-ceremony.jar");

    @Test
    void offersTheUsbStickAndTheSdCardButNotTheThunderboltSsd() {
        List<Drive> drives = new MacDriveDetector(diskutil(), SYSTEM).detect();

        assertThat(drives).extracting(Drive::mountPath).containsExactly(Path.of("/Volumes/BACKUP-A"),
                Path.of("/Volumes/BACKUP-SD"), Path.of("/Volumes/Work"));
        Drive stick = drives.get(0);
        assertThat(stick.bus()).isEqualTo(Bus.USB);
        assertThat(stick.label()).isEqualTo("BACKUP-A");
        assertThat(stick.filesystem()).isEqualTo("MS-DOS FAT32");
        assertThat(stick.totalBytes()).isEqualTo(30751491072L);
        assertThat(stick.freeBytes()).isEqualTo(30700000000L);
        assertThat(stick.device()).isEqualTo(new DeviceIdentity("/dev/disk4", "/dev/disk4s1", null,
                "2D8A1B6C-3E4F-3A51-9C7D-0E1F2A3B4C5D", null));
        assertThat(drives.get(1).bus()).isEqualTo(Bus.SD);
        assertThat(drives.get(1).filesystem()).isEqualTo("ExFAT");
    }

    @Test
    void externalDiskHoldingTheHomeFolderIsNeverOffered() {
        SystemPaths homeOnExternal = SystemPaths.of("/", "/Volumes/Work/Users/alice");

        List<Drive> drives = new MacDriveDetector(diskutil(), homeOnExternal).detect();

        assertThat(drives).extracting(d -> d.mountPath().toString()).containsExactly("/Volumes/BACKUP-A",
                "/Volumes/BACKUP-SD");
    }

    @Test
    void diskutilFailureIsAClearError() {
        CommandRunner broken = command -> {
            throw new java.io.IOException("diskutil exited with status 1");
        };

        assertThatThrownBy(() -> new MacDriveDetector(broken, SYSTEM).detect())
                .isInstanceOf(DriveDetectionException.class)
                .hasMessageContaining("diskutil");
    }

    @Test
    void plistParserReadsNestedValuesWithoutFetchingTheDtd() throws Exception {
        Object top = Plist.parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                + "<plist version=\"1.0\"><dict><key>A</key><array><integer>5</integer><true/><string>x</string></array>"
                + "<key>B</key><dict><key>C</key><false/></dict></dict></plist>");

        assertThat(top).isEqualTo(Map.of("A", List.of(5L, true, "x"), "B", Map.of("C", false)));
    }
}
