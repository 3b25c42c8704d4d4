package dev.tufceremony.media;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Presents given folders as drives (bus {@link Bus#FOLDER}, not removable), for tests, the wizard's
 * tests and scripted runs with --allow-non-removable. A ceremony that writes to one records a deviation.
 * Folders that do not exist (yet, or any more) are left out, so a test can make drives "appear".
 */
public final class FolderDriveDetector implements DriveDetector {
    private final List<Path> folders;

    public FolderDriveDetector(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    @Override
    public List<Drive> detect() {
        List<Drive> drives = new ArrayList<>();
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) {
                try {
                    drives.add(plainFolder(folder));
                } catch (DriveSelectionException e) {
                    // Vanished between the check and the read: not listed in this scan.
                }
            }
        }
        return drives;
    }

    /**
     * A plain folder as a drive. Identity is the folder's real path (see {@link DeviceIdentity#sameDeviceAs});
     * the file store's name is kept as the partition node for messages.
     */
    public static Drive plainFolder(Path folder) {
        try {
            Path real = folder.toRealPath();
            FileStore store = Files.getFileStore(real);
            DeviceIdentity id = new DeviceIdentity(null, store.name(), null, null, real);
            Path name = real.getFileName();
            return new Drive(real, name == null ? real.toString() : name.toString(), store.type(),
                    store.getTotalSpace(), store.getUsableSpace(), id, Bus.FOLDER, false);
        } catch (IOException e) {
            throw new DriveSelectionException("The folder " + folder + " cannot be used as a target because it cannot be read ("
                    + e.getMessage() + "); check that it exists and try again.", e);
        }
    }
}
