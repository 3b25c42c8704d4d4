package dev.tufceremony.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * macOS: {@code diskutil list -plist external physical} names the external disks and their partitions;
 * {@code diskutil info -plist <id>} gives each mounted volume's bus, node, filesystem, sizes and UUID.
 * diskutil does not report USB serial numbers; identity rests on the disk node and the volume UUID.
 * APFS volumes live on a synthesized container disk that this listing does not include, so an
 * APFS-formatted stick is not offered (ceremony sticks are FAT32 or exFAT).
 */
public final class MacDriveDetector implements DriveDetector {
    private final CommandRunner runner;
    private final SystemPaths systemPaths;

    public MacDriveDetector(CommandRunner runner, SystemPaths systemPaths) {
        this.runner = runner;
        this.systemPaths = systemPaths;
    }

    @Override
    public List<Drive> detect() {
        try {
            return detectOrThrow();
        } catch (IOException e) {
            throw new DriveDetectionException("Listing drives with diskutil failed (" + e.getMessage()
                    + "), so no drive can be offered; check that diskutil runs in a terminal and try again.", e);
        }
    }

    private List<Drive> detectOrThrow() throws IOException {
        Object top = Plist.parse(runner.run(List.of("diskutil", "list", "-plist", "external", "physical")));
        if (!(top instanceof Map<?, ?> list) || !(list.get("AllDisksAndPartitions") instanceof List<?> disks)) {
            return List.of();
        }
        // Per whole disk: its mounted volumes; a disk with any volume on a system path is skipped whole.
        Map<String, List<Drive>> byDisk = new LinkedHashMap<>();
        Map<String, Boolean> systemDisk = new LinkedHashMap<>();
        for (Object d : disks) {
            if (!(d instanceof Map<?, ?> disk)) {
                continue;
            }
            String wholeId = Plist.string(disk, "DeviceIdentifier");
            if (wholeId == null) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            ids.add(wholeId);
            if (disk.get("Partitions") instanceof List<?> parts) {
                for (Object p : parts) {
                    if (p instanceof Map<?, ?> part && Plist.string(part, "DeviceIdentifier") != null) {
                        ids.add(Plist.string(part, "DeviceIdentifier"));
                    }
                }
            }
            for (String id : ids) {
                Object infoTop = Plist.parse(runner.run(List.of("diskutil", "info", "-plist", id)));
                if (!(infoTop instanceof Map<?, ?> info)) {
                    continue;
                }
                String mount = Plist.string(info, "MountPoint");
                if (mount == null) {
                    continue;
                }
                String parent = Plist.string(info, "ParentWholeDisk");
                String whole = parent != null ? parent : wholeId;
                if (holdsSystemPath(Path.of(mount))) {
                    systemDisk.put(whole, true);
                }
                Bus bus = bus(Plist.string(info, "BusProtocol"));
                boolean external = !Plist.flag(info, "Internal");
                boolean removableFlag = Plist.flag(info, "RemovableMedia") || Plist.flag(info, "Removable");
                if (!(bus.isRemovableMedia() || (external && removableFlag && bus != Bus.VIRTUAL))) {
                    continue;
                }
                String fs = Plist.string(info, "FilesystemName");
                if (fs == null) {
                    fs = Plist.string(info, "FilesystemType");
                }
                String label = Plist.string(info, "VolumeName");
                long total = Plist.number(info, "TotalSize", Plist.number(info, "Size", -1));
                long free = Plist.number(info, "FreeSpace", Plist.number(info, "APFSContainerFree", -1));
                DeviceIdentity identity = new DeviceIdentity("/dev/" + whole, Plist.string(info, "DeviceNode"), null,
                        Plist.string(info, "VolumeUUID"), null);
                Path mountPath = Path.of(mount);
                byDisk.computeIfAbsent(whole, k -> new ArrayList<>()).add(new Drive(mountPath,
                        label != null ? label : String.valueOf(mountPath.getFileName()), fs, total, free, identity, bus,
                        true));
            }
        }
        List<Drive> drives = new ArrayList<>();
        byDisk.forEach((disk, volumes) -> {
            if (!systemDisk.containsKey(disk)) {
                drives.addAll(volumes);
            }
        });
        return drives;
    }

    private boolean holdsSystemPath(Path mount) {
        for (Path p : systemPaths.paths()) {
            if (p.startsWith(mount)) {
                return true;
            }
        }
        return false;
    }

    private static Bus bus(String protocol) {
        if (protocol == null) {
            return Bus.OTHER;
        }
        switch (protocol) {
            case "USB":
                return Bus.USB;
            case "Secure Digital":
            case "SD":
                return Bus.SD;
            case "SATA":
            case "ATA":
                return Bus.SATA;
            case "Disk Image":
            case "Virtual Interface":
                return Bus.VIRTUAL;
            case "PCI-Express":
            case "NVMExpress":
                return Bus.NVME;
            default:
                return Bus.OTHER;
        }
    }
}
