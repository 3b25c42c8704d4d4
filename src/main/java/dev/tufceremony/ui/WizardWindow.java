package dev.tufceremony.ui;

import java.util.List;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.stage.WindowEvent;

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
    private Tasks.Scope work;
    private List<WizardPage> flow = List.of();

    WizardWindow(WizardServices services, Runnable onExit) {
        this.wizard = new Wizard(() -> {
            close();
            onExit.run();
        }, this::cancelCeremony);
        this.watcher = new DriveWatcher(services.drives());
        this.context = new WizardContext(wizard, tasks, services, watcher);
        wizard.start(new StartPage(context, this::begin));
        scene = new Scene(wizard.root(), 1280, 800);
        scene.getStylesheets().add(WizardApp.stylesheet());
        // While a page forbids Cancel (files are being written), closing the window is refused too:
        // the filter runs before the application's own close handler.
        EventHandler<WindowEvent> refuseCloseWhileWriting = this::refuseCloseWhileWriting;
        scene.windowProperty().addListener((o, old, window) -> {
            if (old != null) {
                old.removeEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, refuseCloseWhileWriting);
            }
            if (window != null) {
                window.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, refuseCloseWhileWriting);
            }
        });
    }

    private void refuseCloseWhileWriting(WindowEvent e) {
        if (!wizard.current().cancelAllowed.get()) {
            e.consume();
            wizard.showNotice(Messages.get("close.whileWriting"));
        }
    }

    /** The Start page chose a ceremony: a fresh session and that ceremony's pages. */
    private void begin(CeremonySession next) {
        endSession();
        session = next;
        work = tasks.beginScope();
        flow = Flows.pages(next, context);
        wizard.setFollowing(flow);
    }

    /** Cancel, or Back onto the Start page: end the ceremony and say so on the Start page. */
    private void cancelCeremony() {
        String message = "";
        if (session != null) {
            String name = Messages.get("ceremony.name." + session.kind.slug());
            message = session.writesStarted
                    ? Messages.format("cancelled.afterWrites", name, session.writeFailure == null ? "" : session.writeFailure)
                    : Messages.format("cancelled", name);
        }
        endSession();
        wizard.backToStart(message);
    }

    /**
     * Wipes the passphrases now and closes the ceremony object (which wipes the keys) as soon as no
     * background call of this ceremony still uses it; results that arrive later are discarded.
     */
    private void endSession() {
        for (WizardPage p : flow) {
            if (p instanceof PassphrasePage pp) {
                pp.shutdown();
            }
        }
        flow = List.of();
        if (session != null) {
            CeremonySession ended = session;
            session = null;
            ended.wipePassphrases();
            if (work != null) {
                work.end(ended::close);
                work = null;
            } else {
                ended.close();
            }
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

    /** For tests: the background runner (to watch results discarded after a cancel). */
    Tasks tasks() {
        return tasks;
    }

    /** Wipes the ceremony's secrets and stops the background threads. */
    void close() {
        endSession();
        watcher.stop();
        tasks.shutdown();
    }
}
