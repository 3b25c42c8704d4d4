package dev.tufceremony.ui;

import com.sun.javafx.perf.PerformanceTracker;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: one window, the wizard, production services. */
public final class WizardApp extends Application {
    /**
     * Set by the start-up benchmark: print the epoch time at which the first page has been painted,
     * then quit. The benchmark starts its clock outside the process, just before running java.
     */
    static final String STARTUP_PROBE = "tufceremony.startupProbe";

    private WizardWindow window;

    static String stylesheet() {
        return WizardApp.class.getResource("wizard.css").toExternalForm();
    }

    @Override
    public void start(Stage stage) {
        WizardServices services = WizardServices.production();
        window = new WizardWindow(services, () -> {
            stage.close();
            Platform.exit();
        });
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(window.scene());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> window.close());
        if (Boolean.getBoolean(STARTUP_PROBE)) {
            // The first frame painted, not the WINDOW_SHOWN event: the window is mapped before the
            // first pulse has rendered anything into it. PerformanceTracker is JavaFX's internal frame
            // counter, reachable because JavaFX runs from the class path; used by this probe only.
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(stage.getScene());
            AtomicBoolean first = new AtomicBoolean();
            tracker.setOnRenderedFrameTask(() -> {
                if (first.compareAndSet(false, true)) {
                    System.out.println("first-page-shown-epoch-ms=" + System.currentTimeMillis());
                    Platform.runLater(() -> {
                        window.close();
                        Platform.exit();
                    });
                }
            });
        }
        stage.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
