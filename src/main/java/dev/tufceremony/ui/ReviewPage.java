package dev.tufceremony.ui;

import javafx.scene.Node;
import javafx.scene.layout.VBox;

/** The new root, in words, before anything is written; for a rotation also what changes. */
final class ReviewPage extends WizardPage {
    private final CeremonySession session;
    private final VBox box = new VBox(14);

    ReviewPage(CeremonySession session) {
        this.session = session;
    }

    @Override
    String id() {
        return "review";
    }

    @Override
    String title() {
        return Messages.get("review.title");
    }

    @Override
    protected Node build() {
        return box;
    }

    @Override
    void onShow() {
        box.getChildren().setAll(Ui.text(Messages.get("review.help")));
        if (session.diff != null) {
            VBox changes = new VBox(4);
            changes.setId("root-diff");
            changes.getStyleClass().add("diff");
            for (String line : session.diff.changes()) {
                changes.getChildren().add(Ui.mono("• " + line));
            }
            box.getChildren().addAll(Ui.heading(Messages.get("review.diff")), changes);
        }
        if (session.summary != null) {
            box.getChildren().addAll(Ui.heading(Messages.get("review.root")), RootSummaryView.of(session.summary));
        }
    }

    @Override
    String nextText() {
        return Messages.get("review.sign");
    }
}
