package dev.tufceremony.ui;

import dev.tufceremony.ceremony.CeremonyKind;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/** The repository's newest root as the client-grade verification found it, with its expiry. */
final class CurrentRootPage extends WizardPage {
    private final CeremonySession session;
    private final VBox box = new VBox(14);

    CurrentRootPage(CeremonySession session) {
        this.session = session;
    }

    @Override
    String id() {
        return "current-root";
    }

    @Override
    String title() {
        return Messages.format("current.title", session.repository);
    }

    @Override
    protected Node build() {
        return box;
    }

    @Override
    void onShow() {
        box.getChildren().setAll(Ui.status(Messages.get("current.verified"), true));
        if (session.kind == CeremonyKind.ROTATION && session.rotation != null && session.rotation.currentRootExpired()) {
            box.getChildren().add(Ui.status(Messages.get("current.expired"), false));
        }
        if (session.currentRoot != null) {
            box.getChildren().add(RootSummaryView.of(session.currentRoot));
        }
    }
}
