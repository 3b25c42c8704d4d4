package dev.tufceremony.ui;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.PasswordField;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * Passphrase fields the text cannot leave: no context menu, no copy/cut shortcuts, no drag.
 * (PasswordField's own copy() and cut() are no-ops already; this also removes the menu and keys.)
 *
 * <p>JavaFX limitation, stated honestly: a PasswordField keeps its text in a String-backed content,
 * so the typed passphrase exists as Strings we cannot wipe. We read it only through
 * {@link #copyChars}, never call getText(), clear the fields when the page is left, and the
 * ceremony gets a char[] that it wipes.
 */
final class SecretFields {
    private static final KeyCombination[] BLOCKED = {
        KeyCombination.keyCombination("Shortcut+C"),
        KeyCombination.keyCombination("Shortcut+X"),
        KeyCombination.keyCombination("Shortcut+Insert"),
        KeyCombination.keyCombination("Shift+Delete"),
    };

    private SecretFields() {
    }

    static PasswordField create(String id) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.getStyleClass().add("secret");
        f.setContextMenu(new ContextMenu());
        f.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, ContextMenuEvent::consume);
        f.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (KeyCombination k : BLOCKED) {
                if (k.match(e)) {
                    e.consume();
                    return;
                }
            }
            if (e.getCode() == KeyCode.COPY || e.getCode() == KeyCode.CUT) {
                e.consume();
            }
        });
        f.addEventFilter(MouseEvent.DRAG_DETECTED, MouseEvent::consume);
        return f;
    }

    /** The field's characters in a new array the caller must wipe (no String is made). */
    static char[] copyChars(PasswordField f) {
        CharSequence cs = f.getCharacters();
        char[] out = new char[cs.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cs.charAt(i);
        }
        return out;
    }

    /** Compares two fields' text without making Strings. */
    static boolean same(PasswordField a, PasswordField b) {
        CharSequence x = a.getCharacters();
        CharSequence y = b.getCharacters();
        if (x.length() != y.length()) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < x.length(); i++) {
            diff |= x.charAt(i) ^ y.charAt(i);
        }
        return diff == 0;
    }
}
