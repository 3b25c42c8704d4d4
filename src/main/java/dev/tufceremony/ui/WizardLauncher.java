package dev.tufceremony.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Opens the wizard. (Placeholder window until the wizard issue lands.) */
public final class WizardLauncher extends Application {
    public static void launch(String[] args) {
        Application.launch(WizardLauncher.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("tuf-ceremony");
        stage.setScene(new Scene(new Label("tuf-ceremony"), 640, 400));
        stage.show();
    }
}
