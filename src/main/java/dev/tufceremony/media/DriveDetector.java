package dev.tufceremony.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Lists the removable drives a ceremony may write to. A call rescans (cheap enough to run every
 * second); drives that hold the operating system, the home folder or the running program are never
 * returned. Only mounted filesystems are listed: an unmounted stick cannot be written to.
 */
@FunctionalInterface
public interface DriveDetector {
    List<Drive> detect();

    /** The detector of the platform this program runs on. */
    static DriveDetector forThisPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        SystemPaths system = SystemPaths.current();
        if (os.contains("linux")) {
            return new LinuxDriveDetector(Path.of("/"), system);
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return new MacDriveDetector(CommandRunner.PROCESS, system);
        }
        if (os.contains("windows")) {
            return new WindowsDriveDetector(CommandRunner.PROCESS, system);
        }
        return List::of;
    }

    /** Plain folders presented as drives (non-removable, bus FOLDER): for tests and scripted runs. */
    static DriveDetector ofFolders(List<Path> folders) {
        return new FolderDriveDetector(folders);
    }
}
