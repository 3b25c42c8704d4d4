package dev.tufceremony.ui;

import javafx.application.Application;

/**
 * Starts the wizard from a plain main class ({@code dev.tufceremony.Main} with no arguments): a
 * runnable jar whose main class extends Application fails with JavaFX on the class path.
 */
public final class WizardLauncher {
    private WizardLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(WizardApp.class, args);
    }
}
