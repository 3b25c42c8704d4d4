package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.media.Drive;
import dev.tufceremony.media.DriveTargets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The media a ceremony writes to: backup drives and the export (transfer) medium. */
final class Media {
    static final String BACKUP_A = "backup A";
    static final String BACKUP_B = "backup B";
    static final String EXPORT = "export";

    private Media() {
    }

    /** The drive holding {@code folder}; a missing folder or a non-removable one (unless allowed) is refused. */
    static Drive resolve(String medium, Path folder, CeremonyEnvironment env, boolean allowNonRemovable) {
        if (folder == null) {
            throw new CeremonyError("No folder was given for the " + medium + " medium; choose one.");
        }
        if (!Files.isDirectory(folder)) {
            throw new CeremonyError("The " + medium + " folder " + folder
                    + " does not exist; insert and mount the drive (or create the folder) and start again — nothing was written.");
        }
        try {
            return DriveTargets.resolve(folder, env.driveDetector(), allowNonRemovable);
        } catch (CeremonyError e) {
            throw new CeremonyError("The " + medium + " medium cannot be used: " + e.getMessage(), e);
        }
    }

    /** Two media on one physical device are refused, naming both. */
    static void requireDistinct(String mediumA, Drive a, String mediumB, Drive b) {
        if (a.device().sameDeviceAs(b.device())) {
            String rule = EXPORT.equals(mediumB) || EXPORT.equals(mediumA)
                    ? "a backup drive stays in a safe, so it must not also be the export medium"
                    : "the two backup copies must be on two different devices";
            throw new CeremonyError("The " + mediumA + " " + a.describe() + " and the " + mediumB + " " + b.describe()
                    + " are on the same device, but " + rule + "; choose another drive — nothing was written.");
        }
    }

    static DriveSummary summary(String medium, Drive d) {
        return new DriveSummary(medium, d.mountPath(), d.label(), d.device().serial() == null ? "(unknown)" : d.device().serial(),
                d.removable());
    }

    /** The transcript's deviation line for a plain folder used as a drive. */
    static String plainFolderDeviation(String medium, Drive d) {
        return "the " + medium + " medium " + d.mountPath() + " is not a removable drive (--allow-non-removable)";
    }
}
