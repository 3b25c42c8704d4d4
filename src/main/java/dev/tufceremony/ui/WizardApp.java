package dev.tufceremony.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: one window, the wizard, production services. */
public final class WizardApp extends Application {
    /** Set by the start-up benchmark: print the time to the first page and quit. */
    static final String STARTUP_PROBE = "tufceremony.startupProbe";

    private WizardWindow window;

    static String stylesheet() {
        return WizardApp.class.getResource("wizard.css").toExternalForm();
    }

    @Override
    public void start(Stage stage) {
        if (Boolean.getBoolean(STARTUP_PROBE)) {
            System.out.println("start-entered-ms=" + sinceJvmStart());
        }
        WizardServices services = WizardServices.production();
        if (Boolean.getBoolean(STARTUP_PROBE)) {
            System.out.println("services-ms=" + sinceJvmStart());
        }
        window = new WizardWindow(services, () -> {
            stage.close();
            Platform.exit();
        });
        if (Boolean.getBoolean(STARTUP_PROBE)) {
            System.out.println("window-built-ms=" + sinceJvmStart());
        }
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(window.scene());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> window.close());
        if (Boolean.getBoolean(STARTUP_PROBE)) {
            stage.setOnShown(e -> Platform.runLater(() -> {
                System.out.println("first-page-shown-ms=" + sinceJvmStart());
                System.out.println("first-page-shown-epoch-ms=" + System.currentTimeMillis());
                window.close();
                Platform.exit();
            }));
        }
        stage.show();
    }

    /**
     * Approximate: the process start instant is derived from the kernel's boot time, which has
     * one-second resolution, so the start-up benchmark times from outside the process instead.
     */
    private static long sinceJvmStart() {
        long start = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        return System.currentTimeMillis() - start;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
