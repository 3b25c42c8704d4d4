package dev.tufceremony.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The frame around the pages: title and step count on top, the page in the middle, Back / Next /
 * Cancel at the bottom. Next is the default button (Enter), Cancel the cancel button (Escape), and
 * all three have mnemonics (Alt+B, Alt+N, Alt+C).
 *
 * <p>Cancel during a ceremony, or Back onto the Start page, ends the ceremony: the window drops its
 * session and the Start page comes back with a notice saying so. Cancel on the Start page exits.
 */
final class Wizard {
    private final BorderPane root = new BorderPane();
    private final Label title = new Label();
    private final Label step = new Label();
    private final Label notice = new Label();
    private final ScrollPane center = new ScrollPane();
    private final Button back = new Button(Messages.get("button.back"));
    private final Button next = new Button(Messages.get("button.next"));
    private final Button cancel = new Button(Messages.get("button.cancel"));
    private final List<WizardPage> pages = new ArrayList<>();
    private final Runnable onExit;
    private final Runnable onCeremonyEnded;
    private boolean confirmCancel = true;
    private int index = -1;
    private final BooleanProperty advancing = new SimpleBooleanProperty();

    /**
     * @param onExit          the operator closes the program (Cancel on the Start page, Close on the last page)
     * @param onCeremonyEnded the operator stopped the ceremony (Cancel, or Back onto the Start page); the
     *                        callee ends the session and calls {@link #backToStart}
     */
    Wizard(Runnable onExit, Runnable onCeremonyEnded) {
        this.onExit = onExit;
        this.onCeremonyEnded = onCeremonyEnded;
        title.getStyleClass().add("page-title");
        title.setId("page-title");
        title.setWrapText(true);
        step.getStyleClass().add("step-count");
        step.setId("step-count");
        notice.setId("wizard-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add("warning-box");
        notice.managedProperty().bind(notice.visibleProperty());
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        VBox header = new VBox(4, step, title, notice);
        header.getStyleClass().add("header");
        root.setTop(header);

        center.setFitToWidth(true);
        center.getStyleClass().add("page-scroll");
        root.setCenter(center);

        back.setId("back");
        next.setId("next");
        cancel.setId("cancel");
        for (Button b : List.of(back, next, cancel)) {
            b.setMnemonicParsing(true);
        }
        next.setDefaultButton(true);
        cancel.setCancelButton(true);
        next.getStyleClass().add("primary");
        back.setOnAction(e -> goBack());
        next.setOnAction(e -> goNext());
        cancel.setOnAction(e -> cancel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(16, cancel, spacer, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add("button-bar");
        buttons.setPadding(new Insets(12, 24, 18, 24));
        root.setBottom(buttons);
    }

    void start(WizardPage first) {
        pages.clear();
        index = -1;
        pages.add(first);
        show(0);
    }

    Parent root() {
        return root;
    }

    WizardPage current() {
        return pages.get(index);
    }

    /** Replaces every page after the current one (the Start page picks a ceremony's flow this way). */
    void setFollowing(List<WizardPage> following) {
        pages.subList(index + 1, pages.size()).clear();
        pages.addAll(following);
        updateStepText();
    }

    /** A page's choice may have changed which later pages are shown: recount the steps. */
    void choicesChanged() {
        updateStepText();
    }

    /**
     * After a ceremony ended early: the Start page again, without the ended ceremony's pages, and
     * {@code message} on top until another page is shown.
     */
    void backToStart(String message) {
        advancing.set(false);
        if (index != 0) {
            show(0);
        }
        pages.subList(1, pages.size()).clear();
        updateStepText();
        notice.setText(message);
    }

    /** Shown above the current page until another page is shown (e.g. why the window cannot close now). */
    void showNotice(String message) {
        notice.setText(message);
    }

    /** Used by the Work page when its task succeeded, and by Next. */
    void advance() {
        int target = index + 1;
        while (target < pages.size() && !shown(target)) {
            target++;
        }
        if (target < pages.size()) {
            show(target);
        }
    }

    /**
     * Whether page {@code i} is visited going forwards with the choices made so far: skipping and the
     * step count both ask this, so "Step n of m" counts exactly the pages the operator will see. The
     * last page is always shown.
     */
    private boolean shown(int i) {
        return i == pages.size() - 1 || pages.get(i).applies();
    }

    /** Tests and scripted screenshots skip the "really stop?" dialog. */
    void setConfirmCancel(boolean confirm) {
        this.confirmCancel = confirm;
    }

    private void goNext() {
        WizardPage page = current();
        if (!page.valid.get() || advancing.get()) {
            return;
        }
        advancing.set(true);
        page.commit(() -> {
            advancing.set(false);
            if (current() != page) {
                return;
            }
            if (index == pages.size() - 1) {
                onExit.run(); // Close on the last page
            } else {
                advance();
            }
        });
    }

    /** Lets a page whose background commit failed take Next back (it shows the error itself). */
    void commitFailed() {
        advancing.set(false);
    }

    private void goBack() {
        int target = index - 1;
        while (target > 0 && (pages.get(target).skipWhenGoingBack() || !shown(target))) {
            target--;
        }
        if (target < 0 || !current().backAllowed.get()) {
            return;
        }
        if (target == 0 && pages.size() > 1) {
            // Back onto Start leaves the ceremony: Next there always begins a new one.
            if (confirmed()) {
                onCeremonyEnded.run();
            }
            return;
        }
        show(target);
    }

    private void cancel() {
        if (!cancel.isVisible() || cancel.isDisabled()) {
            return; // Escape while writing, or on the last page
        }
        if (index > 0 && pages.size() > 1) {
            if (confirmed()) {
                onCeremonyEnded.run();
            }
            return;
        }
        onExit.run(); // nothing chosen yet: Cancel on the Start page closes the program
    }

    private boolean confirmed() {
        if (confirmCancel) {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("cancel.confirm"),
                    ButtonType.YES, ButtonType.NO);
            alert.setHeaderText(Messages.get("cancel.title"));
            alert.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
            return alert.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
        }
        return true;
    }

    private void show(int newIndex) {
        if (index >= 0) {
            current().onLeave();
        }
        index = newIndex;
        notice.setText("");
        WizardPage page = current();
        title.setText(page.title());
        center.setContent(page.content());
        center.setVvalue(0);
        page.onShow();
        updateStepText();
        bindButtons(page);
        // Later, so it also works for the first page before the window is on screen.
        Platform.runLater(() -> {
            if (current() == page) {
                (page.initialFocus() != null ? page.initialFocus() : next).requestFocus();
            }
        });
    }

    private void updateStepText() {
        if (pages.size() == 1) {
            step.setText(Messages.get("wizard.start"));
            return;
        }
        int position = 1;
        int total = 0;
        for (int i = 0; i < pages.size(); i++) {
            if (shown(i)) {
                total++;
                if (i < index) {
                    position++;
                }
            }
        }
        step.setText(Messages.format("wizard.step", position, total));
    }

    private void bindButtons(WizardPage page) {
        boolean last = index > 0 && index == pages.size() - 1;
        next.setText(last ? Messages.get("button.close") : page.nextText());
        next.disableProperty().unbind();
        next.disableProperty().bind(page.valid.not().or(advancing));
        back.disableProperty().unbind();
        if (index == 0) {
            back.setDisable(true);
        } else {
            back.disableProperty().bind(page.backAllowed.not().or(advancing));
        }
        cancel.setVisible(!last);
        cancel.disableProperty().unbind();
        cancel.disableProperty().bind(page.cancelAllowed.not());
    }
}
