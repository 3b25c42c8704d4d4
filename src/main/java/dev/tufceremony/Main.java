package dev.tufceremony;

import dev.tufceremony.cli.Cli;

/**
 * Plain launcher: a main class that extends javafx Application fails when JavaFX is on the class
 * path of a runnable jar, so the wizard is started from here instead.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            dev.tufceremony.ui.WizardLauncher.launch(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
