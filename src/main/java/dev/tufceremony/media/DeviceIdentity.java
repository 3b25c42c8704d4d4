package dev.tufceremony.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What identifies the physical device behind a drive, as far as the platform tells it.
 *
 * @param diskNode       the whole disk ({@code /dev/sdb}, {@code /dev/disk4}, {@code PhysicalDrive2}), or null
 * @param partitionNode  the partition or volume holding the filesystem ({@code /dev/sdb1}), or null
 * @param serial         the device's serial number (USB iSerial, MMC CID serial, disk serial), or null
 * @param filesystemUuid the filesystem's UUID or volume serial, or null
 * @param plainFolder    for a plain folder accepted as a target (not a detected device): its real path; else null
 */
public record DeviceIdentity(String diskNode, String partitionNode, String serial, String filesystemUuid,
        Path plainFolder) {

    public DeviceIdentity {
        diskNode = blankToNull(diskNode);
        partitionNode = blankToNull(partitionNode);
        serial = blankToNull(serial);
        filesystemUuid = blankToNull(filesystemUuid);
    }

    public static DeviceIdentity ofPlainFolder(Path realPath) {
        return new DeviceIdentity(null, null, null, null, Objects.requireNonNull(realPath));
    }

    public boolean isPlainFolder() {
        return plainFolder != null;
    }

    /**
     * True when both identities may be the same physical device.
     *
     * <p>Rule: two detected devices are the same when they share the whole-disk node, the serial number
     * or the filesystem UUID; any one shared identifier is enough, because refusing two distinct sticks
     * (e.g. cheap sticks with a copied serial, or a {@code dd} clone) is recoverable while writing both
     * backup copies to one device is not. Two plain folders are the same when one is, or lies inside,
     * the other; plain folders on one internal disk otherwise count as distinct (only ever accepted
     * with --allow-non-removable, for scripted runs). A plain folder and a detected device are never
     * the same, because a folder on a detected drive resolves to that drive, not to a plain folder.
     */
    public boolean sameDeviceAs(DeviceIdentity other) {
        if (isPlainFolder() || other.isPlainFolder()) {
            if (!(isPlainFolder() && other.isPlainFolder())) {
                return false;
            }
            return plainFolder.startsWith(other.plainFolder) || other.plainFolder.startsWith(plainFolder);
        }
        return equalAndKnown(diskNode, other.diskNode)
                || equalAndKnown(serial, other.serial)
                || equalAndKnown(filesystemUuid, other.filesystemUuid);
    }

    /** Short text for messages and the drive list, e.g. "/dev/sdb, serial 4C53…, UUID 1A2B-3C4D". */
    public String describe() {
        if (isPlainFolder()) {
            return "plain folder " + plainFolder;
        }
        StringBuilder b = new StringBuilder();
        append(b, "", diskNode != null ? diskNode : partitionNode);
        append(b, "serial ", serial);
        append(b, "UUID ", filesystemUuid);
        return b.length() == 0 ? "unidentified device" : b.toString();
    }

    private static void append(StringBuilder b, String prefix, String value) {
        if (value != null) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(prefix).append(value);
        }
    }

    private static boolean equalAndKnown(String a, String b) {
        return a != null && b != null && a.equalsIgnoreCase(b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
