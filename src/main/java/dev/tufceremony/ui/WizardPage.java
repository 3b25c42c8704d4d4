package dev.tufceremony.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;

/**
 * One step of a ceremony. The wizard enables Next from {@link #valid} and calls {@link #commit} when
 * it is pressed; a page with slow work to do on Next runs it through {@link Tasks} and calls
 * {@code proceed} when done.
 */
abstract class WizardPage {
    protected final BooleanProperty valid = new SimpleBooleanProperty(true);
    protected final BooleanProperty backAllowed = new SimpleBooleanProperty(true);
    private Node content;

    /** Stable id, also used for the screenshot file names and test lookups. */
    abstract String id();

    abstract String title();

    protected abstract Node build();

    final Node content() {
        if (content == null) {
            content = build();
            content.getStyleClass().add("page");
            content.setId("page-" + id());
        }
        return content;
    }

    /** Called each time the page becomes the current one (forwards or backwards). */
    void onShow() {
    }

    /** Called each time the page stops being the current one. */
    void onLeave() {
    }

    /** Next was pressed and {@link #valid} holds; call {@code proceed} to move on (possibly later). */
    void commit(Runnable proceed) {
        proceed.run();
    }

    /** False for a page this ceremony does not need, as decided so far (e.g. no online passphrase). */
    boolean applies() {
        return true;
    }

    /** Pages that only run work (the Work page) are skipped when going back. */
    boolean skipWhenGoingBack() {
        return false;
    }

    String nextText() {
        return Messages.get("button.next");
    }

    /** The control that gets the keyboard focus when the page is shown. */
    Node initialFocus() {
        return null;
    }
}
