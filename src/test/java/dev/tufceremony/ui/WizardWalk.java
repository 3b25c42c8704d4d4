package dev.tufceremony.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real wizard the way an operator does (clicks, typing) through TestFX; shared by the
 * page tests, the end-to-end ceremony tests and the screenshot tour.
 */
final class WizardWalk {
    private final FxRobot robot;
    private final WizardWindow window;

    WizardWalk(FxRobot robot, WizardWindow window) {
        this.robot = robot;
        this.window = window;
    }

    FxRobot robot() {
        return robot;
    }

    WizardWindow window() {
        return window;
    }

    String pageId() {
        return onFx(() -> window.wizard().current().id());
    }

    String pageTitle() {
        return text("#page-title");
    }

    /** Waits until the wizard shows page {@code id} (work pages move on by themselves). */
    void awaitPage(String id) {
        await(() -> id.equals(window.wizard().current().id()),
                () -> "page " + id + " (still on " + pageId() + ": " + errorsOnPage() + ")");
    }

    <T extends Node> T node(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    String text(String query) {
        Node n = robot.lookup(query).query();
        return onFx(() -> n instanceof Label l ? l.getText() : ((javafx.scene.control.Labeled) n).getText());
    }

    boolean nextEnabled() {
        Button next = node("#next", Button.class);
        return onFx(() -> !next.isDisabled());
    }

    /** Presses Next and waits until another page is shown (work pages may pass by on the way). */
    void next() {
        WizardPage before = onFx(() -> window.wizard().current());
        pressNext();
        await(() -> window.wizard().current() != before, () -> "leaving page " + before.id() + ": " + errorsOnPage());
    }

    /** Presses Next (waiting until it is enabled) without expecting to leave the page. */
    void pressNext() {
        await(this::nextEnabledNow, () -> "Next enabled on " + pageId() + ": " + errorsOnPage());
        robot.clickOn("#next");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean nextEnabledNow() {
        return !robot.lookup("#next").queryAs(Button.class).isDisabled();
    }

    void click(String query) {
        Node n = robot.lookup(query).query();
        scrollIntoView(n);
        robot.clickOn(n);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Replaces the text of a field by typing into it. */
    void type(String query, String text) {
        TextInputControl field = node(query, TextInputControl.class);
        scrollIntoView(field);
        robot.clickOn(field);
        onFx(() -> {
            field.clear();
            return null;
        });
        robot.write(text, 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** On a passphrase page: types {@code passphrase} into both fields and goes on. */
    void passphrase(String passphrase) {
        type("#passphrase", passphrase);
        type("#confirm", passphrase);
        next();
    }

    /**
     * Selects the drive whose label is {@code label} in the page's live list (waits for it to appear),
     * with the keyboard as an operator without a mouse would: focus the list, Home, then Down.
     */
    @SuppressWarnings("unchecked")
    void chooseDrive(String label) {
        TableView<dev.tufceremony.media.Drive> table = robot.lookup("#drives").queryAs(TableView.class);
        await(() -> table.getItems().stream().anyMatch(d -> d.label().equals(label)), () -> "drive " + label + " listed");
        scrollIntoView(table);
        onFx(() -> {
            table.requestFocus();
            return null;
        });
        int index = onFx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).label().equals(label)) {
                    return i;
                }
            }
            return -1;
        });
        robot.type(javafx.scene.input.KeyCode.HOME);
        for (int i = 0; i < index; i++) {
            robot.type(javafx.scene.input.KeyCode.DOWN);
        }
        WaitForAsyncUtils.waitForFxEvents();
        await(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().label().equals(label), () -> "drive " + label + " selected");
    }

    private Node cellWithText(TableView<?> table, String text) {
        return robot.from(table).lookup(".table-cell").lookup((javafx.scene.control.TableCell<?, ?> c) -> text.equals(c.getText())).query();
    }

    /** Scrolls the page so {@code n} is on screen, as an operator would before clicking it. */
    void scrollIntoView(Node n) {
        onFx(() -> {
            javafx.scene.Parent p = n.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                double contentHeight = sp.getContent().getBoundsInLocal().getHeight();
                double viewport = sp.getViewportBounds().getHeight();
                if (contentHeight > viewport) {
                    javafx.geometry.Bounds b = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                    double target = Math.max(0, Math.min(1, (b.getMinY() - viewport / 3) / (contentHeight - viewport)));
                    sp.setVvalue(target);
                }
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whatever error boxes the current page shows (for failure messages). */
    String errorsOnPage() {
        return onFx(() -> robot.lookup(".error-box").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).toList().toString());
    }

    static void await(Callable<Boolean> condition, java.util.function.Supplier<String> what) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what.get(), e);
        }
    }

    static <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
