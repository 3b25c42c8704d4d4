package dev.tufceremony.ui;

import java.util.List;
import javafx.scene.Scene;

/**
 * One wizard with everything it runs (background tasks, drive watcher, the current ceremony), built
 * the same way by the app, the tests and the screenshot script.
 */
final class WizardWindow {
    private final Wizard wizard;
    private final Tasks tasks = new Tasks();
    private final DriveWatcher watcher;
    private final WizardContext context;
    private final Scene scene;
    private CeremonySession session;
    private List<WizardPage> flow = List.of();

    WizardWindow(WizardServices services, Runnable onExit) {
        this.wizard = new Wizard(() -> {
            close();
            onExit.run();
        });
        this.watcher = new DriveWatcher(services.drives());
        this.context = new WizardContext(wizard, tasks, services, watcher);
        wizard.start(new StartPage(context, this::begin));
        scene = new Scene(wizard.root(), 1280, 800);
        scene.getStylesheets().add(WizardApp.stylesheet());
    }

    /** The Start page chose a ceremony: a fresh session and that ceremony's pages. */
    private void begin(CeremonySession next) {
        endSession();
        session = next;
        flow = Flows.pages(next, context);
        wizard.setFollowing(flow);
    }

    private void endSession() {
        for (WizardPage p : flow) {
            if (p instanceof PassphrasePage pp) {
                pp.shutdown();
            }
        }
        if (session != null) {
            session.close();
            session = null;
        }
    }

    Scene scene() {
        return scene;
    }

    Wizard wizard() {
        return wizard;
    }

    CeremonySession session() {
        return session;
    }

    DriveWatcher driveWatcher() {
        return watcher;
    }

    /** Wipes the ceremony's secrets and stops the background threads. */
    void close() {
        endSession();
        watcher.stop();
        tasks.shutdown();
    }
}
