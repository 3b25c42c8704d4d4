package dev.tufceremony.cli;

import dev.tufceremony.media.Drive;
import dev.tufceremony.media.DriveDetector;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code drives}: lists the removable drives a ceremony may write to (system disks are never listed). */
@Command(name = "drives", mixinStandardHelpOptions = true,
        description = "List the mounted removable drives (USB, SD) that ceremonies can write to.")
public final class DrivesCommand implements Callable<Integer> {
    private final DriveDetector detector;

    @Spec
    CommandSpec spec;

    public DrivesCommand() {
        this(DriveDetector.forThisPlatform());
    }

    DrivesCommand(DriveDetector detector) {
        this.detector = detector;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Drive> drives = detector.detect();
        if (drives.isEmpty()) {
            out.println("No removable drive found: insert and mount a USB drive or SD card, then run this again.");
            out.flush();
            return 0;
        }
        out.printf("%-28s %-16s %-12s %-8s %10s %10s  %s%n", "MOUNT", "LABEL", "FILESYSTEM", "BUS", "SIZE", "FREE", "DEVICE");
        for (Drive d : drives) {
            out.printf("%-28s %-16s %-12s %-8s %10s %10s  %s%s%n", d.mountPath(), d.label(), d.filesystem(),
                    d.bus().displayName(), human(d.totalBytes()), human(d.freeBytes()), d.device().describe(),
                    d.removable() ? "" : "  (not removable: a deviation)");
        }
        out.flush();
        return 0;
    }

    static String human(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
