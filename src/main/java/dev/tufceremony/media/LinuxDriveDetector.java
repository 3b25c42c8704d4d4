package dev.tufceremony.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Linux: mounted block devices from {@code /proc/self/mountinfo}, classified by their path in sysfs
 * ({@code /sys/dev/block/MAJ:MIN} leads through {@code usbN} for USB, through an MMC card whose
 * {@code type} is SD for SD cards; eMMC reports type MMC and is internal), with serials from sysfs and
 * labels/UUIDs from {@code /dev/disk/by-label} and {@code /dev/disk/by-uuid}. Device-mapper and md
 * devices (LUKS, LVM, RAID) are classified by the disks listed under {@code slaves/}. Other buses
 * (FireWire, Thunderbolt/PCIe card readers exposing SCSI disks) are not offered.
 *
 * <p>Everything is read under an injectable root ({@code /} in production, a captured tree in tests).
 * Mount points and {@link SystemPaths} are paths of the running system; the returned mount paths are
 * resolved under the root so that, in tests, folders inside the captured tree resolve to its drives.
 */
public final class LinuxDriveDetector implements DriveDetector {
    private static final Pattern USB_BUS = Pattern.compile("usb\\d+");
    private static final Pattern USB_DEVICE = Pattern.compile("\\d+-[\\d.]+");
    private static final Pattern MMC_CARD = Pattern.compile("mmc\\d+:[0-9a-fA-F]+");
    private static final Pattern ATA_PORT = Pattern.compile("ata\\d+");

    private final Path root;
    private final SystemPaths systemPaths;
    private Path devices; // real path of sys/devices, resolved once per detect() (hence synchronized)

    public LinuxDriveDetector(Path root, SystemPaths systemPaths) {
        this.root = root;
        this.systemPaths = systemPaths;
    }

    /** One line of mountinfo (proc(5)): only the fields this detector needs. */
    record Mount(String majMin, String fsRoot, String mountPoint, String fsType, String source) {
        boolean isBlockDevice() {
            return !majMin.startsWith("0:");
        }
    }

    @Override
    public synchronized List<Drive> detect() {
        List<Mount> mounts;
        try {
            mounts = readMountInfo(root.resolve("proc/self/mountinfo"));
        } catch (IOException e) {
            throw new DriveDetectionException("The mount table " + root.resolve("proc/self/mountinfo")
                    + " cannot be read (" + e.getMessage() + "), so no drive can be listed; run on Linux with /proc mounted.", e);
        }
        try {
            devices = root.resolve("sys/devices").toRealPath();
        } catch (IOException e) {
            devices = root.resolve("sys/devices");
        }
        Set<Path> systemDisks = systemDisks(mounts);
        Map<String, String> labels = byLinkTarget(root.resolve("dev/disk/by-label"));
        Map<String, String> uuids = byLinkTarget(root.resolve("dev/disk/by-uuid"));

        // One drive per filesystem (MAJ:MIN): a stick mounted twice is one drive at two paths.
        Map<String, List<Mount>> byDevice = new LinkedHashMap<>();
        for (Mount m : mounts) {
            if (m.isBlockDevice()) {
                byDevice.computeIfAbsent(m.majMin(), k -> new ArrayList<>()).add(m);
            }
        }
        List<Drive> drives = new ArrayList<>();
        for (Map.Entry<String, List<Mount>> e : byDevice.entrySet()) {
            Path sysDir = sysfsDir(e.getKey());
            if (sysDir == null) {
                continue;
            }
            List<Path> disks = physicalDisks(sysDir);
            if (disks.isEmpty() || disks.stream().anyMatch(systemDisks::contains)) {
                continue;
            }
            Path disk = disks.get(0);
            Bus bus = busOf(disk);
            for (Path other : disks) {
                if (busOf(other) != bus) {
                    bus = Bus.OTHER; // e.g. a RAID across a stick and an internal disk: not removable media
                }
            }
            // Only the bus decides: USB SSDs report removable=0, while optical drives and some internal
            // readers report removable=1 yet cannot hold a backup a ceremony can carry away.
            if (!bus.isRemovableMedia()) {
                continue;
            }
            drives.add(toDrive(e.getValue(), sysDir, disk, bus, labels, uuids));
        }
        return drives;
    }

    private Drive toDrive(List<Mount> mounts, Path sysDir, Path disk, Bus bus, Map<String, String> labels,
            Map<String, String> uuids) {
        // The first mount of the whole filesystem (root "/") is where the desktop shows the drive.
        Mount primary = mounts.stream().filter(m -> m.fsRoot().equals("/")).findFirst().orElse(mounts.get(0));
        List<Path> others = new ArrayList<>();
        for (Mount m : mounts) {
            if (m != primary) {
                others.add(underRoot(m.mountPoint()));
            }
        }
        String node = sysDir.getFileName().toString();
        Path mountPath = underRoot(primary.mountPoint());
        String label = labels.get(node);
        if (label == null) {
            Path name = Path.of(primary.mountPoint()).getFileName();
            label = name == null ? primary.mountPoint() : name.toString();
        }
        long sectors = parseLong(read(sysDir.resolve("size")), -1);
        // File.getUsableSpace is one statvfs; Files.getFileStore would re-read the mount table per drive.
        long free = Files.isDirectory(mountPath) ? mountPath.toFile().getUsableSpace() : -1;
        if (free == 0 && !Files.isDirectory(mountPath)) {
            free = -1; // vanished between the mount table and now
        }
        String partitionNode = node.startsWith("dm-") ? primary.source() : "/dev/" + node;
        DeviceIdentity id = new DeviceIdentity("/dev/" + disk.getFileName(), partitionNode, serialOf(disk),
                uuids.get(node), null);
        return new Drive(mountPath, label, primary.fsType(), sectors < 0 ? -1 : sectors * 512, free, id, bus, true,
                others);
    }

    /** Whole disks whose mounts hold a system path: the longest mount point above each path. */
    private Set<Path> systemDisks(List<Mount> mounts) {
        Set<Path> disks = new LinkedHashSet<>();
        for (Path p : systemPaths.paths()) {
            Mount best = null;
            for (Mount m : mounts) {
                if (p.startsWith(Path.of(m.mountPoint()))
                        && (best == null || Path.of(m.mountPoint()).getNameCount() >= Path.of(best.mountPoint()).getNameCount())) {
                    best = m; // later lines win ties: they are mounted over earlier ones
                }
            }
            if (best != null && best.isBlockDevice()) {
                Path dir = sysfsDir(best.majMin());
                if (dir != null) {
                    disks.addAll(physicalDisks(dir));
                }
            }
        }
        return disks;
    }

    /** The real sysfs folder of a block device, or null when sysfs does not know it. */
    private Path sysfsDir(String majMin) {
        Path link = root.resolve("sys/dev/block").resolve(majMin);
        try {
            return link.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The whole disks under a block device: a partition's parent, a disk itself, or, for device-mapper
     * and md devices (LUKS, LVM, RAID), the disks of every device listed in {@code slaves/}.
     */
    private List<Path> physicalDisks(Path dir) {
        List<Path> out = new ArrayList<>();
        collectDisks(dir, out, 0);
        return out;
    }

    private void collectDisks(Path dir, List<Path> out, int depth) {
        if (depth > 8) {
            return;
        }
        Path slaves = dir.resolve("slaves");
        if (Files.isDirectory(slaves)) {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(slaves)) {
                for (Path s : ds) {
                    children.add(s);
                }
            } catch (IOException e) {
                children.clear();
            }
            if (!children.isEmpty()) {
                children.sort(null);
                for (Path s : children) {
                    try {
                        collectDisks(s.toRealPath(), out, depth + 1);
                    } catch (IOException e) {
                        // A slave that vanished: the remaining ones still classify the device.
                    }
                }
                return;
            }
        }
        Path disk = Files.exists(dir.resolve("partition")) ? dir.getParent() : dir;
        if (!out.contains(disk)) {
            out.add(disk);
        }
    }

    private Bus busOf(Path disk) {
        Path rel = disk.startsWith(devices) ? devices.relativize(disk) : disk;
        List<String> parts = new ArrayList<>();
        for (Path p : rel) {
            parts.add(p.toString());
        }
        String name = disk.getFileName().toString();
        if (!parts.isEmpty() && parts.get(0).equals("virtual")) {
            return name.startsWith("loop") ? Bus.LOOP : Bus.VIRTUAL;
        }
        if (parts.stream().anyMatch(s -> USB_BUS.matcher(s).matches())) {
            return Bus.USB;
        }
        for (int i = 0; i < parts.size(); i++) {
            if (MMC_CARD.matcher(parts.get(i)).matches()) {
                Path card = devices.resolve(String.join("/", parts.subList(0, i + 1)));
                String type = read(card.resolve("type"));
                if ("MMC".equals(type)) {
                    return Bus.EMMC;
                }
                return Bus.SD; // "SD" (also SDHC/SDXC/SDUC) or an unknown type on the card-reader bus
            }
        }
        if (parts.contains("mmc_host")) {
            return Bus.SD;
        }
        if (parts.stream().anyMatch(s -> s.startsWith("nvme"))) {
            return Bus.NVME;
        }
        if (parts.stream().anyMatch(s -> ATA_PORT.matcher(s).matches())) {
            return Bus.SATA;
        }
        if (parts.stream().anyMatch(s -> s.startsWith("virtio"))) {
            return Bus.VIRTUAL;
        }
        if (parts.stream().anyMatch(s -> s.startsWith("host") || s.startsWith("target"))) {
            return Bus.SCSI;
        }
        return Bus.OTHER;
    }

    /** USB iSerial of the enclosing USB device, the MMC card's CID serial, or the disk's own serial. */
    private String serialOf(Path disk) {
        for (Path p = disk.getParent(); p != null && p.startsWith(devices) && !p.equals(devices); p = p.getParent()) {
            String name = p.getFileName().toString();
            if (USB_DEVICE.matcher(name).matches() || MMC_CARD.matcher(name).matches()) {
                String serial = read(p.resolve("serial"));
                if (serial != null) {
                    return serial;
                }
            }
        }
        return read(disk.resolve("device/serial"));
    }

    private Path underRoot(String mountPoint) {
        String rel = mountPoint.startsWith("/") ? mountPoint.substring(1) : mountPoint;
        return rel.isEmpty() ? root : root.resolve(rel);
    }

    /** Maps the device name a {@code /dev/disk/by-*} link points at (e.g. "sdb1") to the link's name. */
    private static Map<String, String> byLinkTarget(Path dir) {
        Map<String, String> map = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return map;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path link : ds) {
                try {
                    Path target = Files.readSymbolicLink(link);
                    map.put(target.getFileName().toString(), unescapeUdev(link.getFileName().toString()));
                } catch (IOException | UnsupportedOperationException e) {
                    // Not a link or vanished: skip it.
                }
            }
        } catch (IOException e) {
            return map;
        }
        return map;
    }

    static List<Mount> readMountInfo(Path file) throws IOException {
        List<Mount> mounts = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            // proc(5): id parent maj:min root mountpoint options [optional...] - fstype source superoptions
            String[] f = line.trim().split(" ");
            int dash = -1;
            for (int i = 6; i < f.length; i++) {
                if (f[i].equals("-")) {
                    dash = i;
                    break;
                }
            }
            if (dash < 0 || dash + 1 >= f.length) {
                continue;
            }
            String fsType = f[dash + 1];
            String source = dash + 2 < f.length ? unescapeOctal(f[dash + 2]) : "";
            mounts.add(new Mount(f[2], unescapeOctal(f[3]), unescapeOctal(f[4]), fsType, source));
        }
        return mounts;
    }

    /** mountinfo escapes space, tab, newline and backslash as \ooo. */
    static String unescapeOctal(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** udev escapes unsafe characters in by-label names as \xNN (e.g. a space as \x20). */
    static String unescapeUdev(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.charAt(i + 1) == 'x'
                    && s.substring(i + 2, i + 4).matches("[0-9a-fA-F]{2}")) {
                out.write(Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? null : s;
        } catch (IOException | UncheckedIOException e) {
            return null; // absent attribute (NoSuchFileException) or a device that vanished meanwhile
        }
    }

    private static long parseLong(String s, long fallback) {
        try {
            return s == null ? fallback : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
