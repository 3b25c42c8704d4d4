package dev.tufceremony.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A mounted filesystem that a ceremony may write to.
 *
 * @param mountPath    where the filesystem is mounted (the drive letter root on Windows)
 * @param label        the volume label, or the mount folder's name when the volume has none
 * @param filesystem   e.g. "vfat", "exfat", "ext4", "MS-DOS FAT32", "NTFS"
 * @param totalBytes   capacity in bytes, or -1 when unknown
 * @param freeBytes    bytes free for this user at detection time, or -1 when unknown
 * @param device       the physical device identity
 * @param bus          how the device is attached
 * @param removable    true for a detected USB/SD drive; false for a plain folder (a ceremony deviation)
 * @param alsoMountedAt other paths where the same filesystem is mounted (bind mounts), usually empty
 */
public record Drive(Path mountPath, String label, String filesystem, long totalBytes, long freeBytes,
        DeviceIdentity device, Bus bus, boolean removable, List<Path> alsoMountedAt) {

    public Drive {
        Objects.requireNonNull(mountPath, "mountPath");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(bus, "bus");
        label = label == null ? "" : label;
        filesystem = filesystem == null ? "" : filesystem;
        alsoMountedAt = List.copyOf(alsoMountedAt);
    }

    public Drive(Path mountPath, String label, String filesystem, long totalBytes, long freeBytes,
            DeviceIdentity device, Bus bus, boolean removable) {
        this(mountPath, label, filesystem, totalBytes, freeBytes, device, bus, removable, List.of());
    }

    /** True when {@code realPath} (already resolved with toRealPath) lies on this drive's filesystem. */
    public boolean contains(Path realPath) {
        if (realPath.startsWith(mountPath)) {
            return true;
        }
        for (Path other : alsoMountedAt) {
            if (realPath.startsWith(other)) {
                return true;
            }
        }
        return false;
    }

    /** The mount path a path lies under (the longest one), or null. */
    Path mountOf(Path realPath) {
        Path best = null;
        for (Path p : allMountPaths()) {
            if (realPath.startsWith(p) && (best == null || p.getNameCount() > best.getNameCount())) {
                best = p;
            }
        }
        return best;
    }

    public List<Path> allMountPaths() {
        if (alsoMountedAt.isEmpty()) {
            return List.of(mountPath);
        }
        List<Path> all = new java.util.ArrayList<>();
        all.add(mountPath);
        all.addAll(alsoMountedAt);
        return all;
    }

    /** One line naming the drive for operators, e.g. {@code "BACKUP-A" (/media/op/BACKUP-A, USB, /dev/sdb)}. */
    public String describe() {
        String name = label.isEmpty() ? mountPath.toString() : "\"" + label + "\"";
        return name + " (" + mountPath + ", " + bus.displayName() + ", " + device.describe() + ")";
    }
}
