package dev.tufceremony.ui;

import dev.tufceremony.media.Drive;
import dev.tufceremony.media.DriveDetector;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The live drive list: rescans every second on a background thread (a scan may block on a slow
 * device) and publishes changes on the FX thread, so sticks appear and vanish while the page is open.
 */
final class DriveWatcher {
    private final DriveDetector detector;
    private final ObservableList<Drive> drives = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper scanError = new ReadOnlyStringWrapper("");
    private ScheduledExecutorService scheduler;

    DriveWatcher(DriveDetector detector) {
        this.detector = detector;
    }

    ObservableList<Drive> drives() {
        return drives;
    }

    /** Empty, or why the last scan failed (the list keeps what the previous scan found). */
    ReadOnlyStringProperty scanError() {
        return scanError.getReadOnlyProperty();
    }

    synchronized void start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "drive-watcher");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::scan, 0, 1, TimeUnit.SECONDS);
        }
    }

    /** Rescans now (also what the scheduler runs). Callable from any thread. */
    void scan() {
        try {
            List<Drive> found = List.copyOf(detector.detect());
            Platform.runLater(() -> {
                scanError.set("");
                if (!found.equals(drives)) {
                    drives.setAll(found);
                }
            });
        } catch (RuntimeException e) {
            String message = Tasks.operatorMessage(e);
            Platform.runLater(() -> scanError.set(message));
        }
    }

    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
