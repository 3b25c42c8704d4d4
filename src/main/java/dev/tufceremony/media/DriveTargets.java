package dev.tufceremony.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Turns operator-given folders into ceremony targets and enforces "two copies, two devices". */
public final class DriveTargets {
    private DriveTargets() {
    }

    /**
     * The drive a folder lies on. A folder on a detected removable drive gives that drive. Any other
     * folder is refused, unless {@code allowNonRemovable} is set (scripted runs and tests), in which
     * case it becomes a plain-folder drive with {@code removable() == false}, which the ceremony must
     * record as a deviation.
     */
    public static Drive resolve(Path folder, DriveDetector detector, boolean allowNonRemovable) {
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            throw new DriveSelectionException("The target folder " + folder
                    + " does not exist or cannot be read; insert and mount the drive, or create the folder, and try again.", e);
        }
        if (!Files.isDirectory(real)) {
            throw new DriveSelectionException("The target " + folder + " is not a folder; give the folder on the drive to write to.");
        }
        List<Drive> drives = detector.detect();
        Drive best = null;
        int bestDepth = -1;
        for (Drive d : drives) {
            Path mount = d.mountOf(real);
            if (mount != null && mount.getNameCount() > bestDepth) {
                best = d;
                bestDepth = mount.getNameCount();
            }
        }
        if (best != null && best.removable()) {
            return best;
        }
        if (best != null && allowNonRemovable) {
            return best; // a folder drive offered by a FolderDriveDetector
        }
        if (allowNonRemovable) {
            return FolderDriveDetector.plainFolder(real);
        }
        throw new DriveSelectionException("The folder " + folder
                + " is not on a removable USB or SD drive (and system disks are never offered); choose a folder on one of: "
                + describeAll(drives) + ", or pass --allow-non-removable for a scripted test run.");
    }

    /** Refuses two targets on one physical device (or one filesystem UUID, or nested plain folders). */
    public static void requireDistinct(Drive a, Drive b) {
        if (a.device().sameDeviceAs(b.device())) {
            throw new DriveSelectionException("The two backup targets " + a.describe() + " and " + b.describe()
                    + " are on the same physical device, but the two copies must be on two different devices; choose another drive for the second copy.");
        }
    }

    private static String describeAll(List<Drive> drives) {
        List<Drive> removable = drives.stream().filter(Drive::removable).toList();
        if (removable.isEmpty()) {
            return "(no removable drive is mounted now)";
        }
        StringBuilder b = new StringBuilder();
        for (Drive d : removable) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(d.describe());
        }
        return b.toString();
    }
}
