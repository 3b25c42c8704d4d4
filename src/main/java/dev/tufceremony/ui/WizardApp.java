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
        window = new WizardWindow(WizardServices.production(), () -> {
            stage.close();
            Platform.exit();
        });
        stage.setTitle(Messages.get("app.title"));
        stage.setScene(window.scene());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> window.close());
        if (Boolean.getBoolean(STARTUP_PROBE)) {
            stage.setOnShown(e -> Platform.runLater(() -> {
                long start = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
                System.out.println("first-page-shown-ms=" + (System.currentTimeMillis() - start));
                window.close();
                Platform.exit();
            }));
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
