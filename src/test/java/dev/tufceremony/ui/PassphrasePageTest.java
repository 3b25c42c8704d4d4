package dev.tufceremony.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The passphrase page: meter, gate, confirmation, diceware, and no way to copy the text out. */
@ExtendWith(ApplicationExtension.class)
class PassphrasePageTest {
    private WizardWindow window;

    @Start
    void start(Stage stage) {
        window = WizardFixture.show(stage, TestServices.airGapped(List::of));
    }

    @AfterEach
    void close() {
        WizardFixture.close(window);
    }

    private WizardWalk toPassphrase(FxRobot robot) {
        WizardWalk walk = new WizardWalk(robot, window);
        walk.click("#choose-bootstrap");
        walk.next();
        walk.type("#repository", "agent-updates");
        walk.type("#operator", "Ada Operator");
        walk.type("#age-recipient", "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq");
        walk.next();
        assertThat(walk.pageId()).isEqualTo("passphrase");
        return walk;
    }

    private static void awaitLevel(WizardWalk walk, String contains) {
        WizardWalk.await(() -> walk.text("#meter-level").contains(contains), () -> "meter saying " + contains
                + ", says " + walk.text("#meter-level"));
    }

    @Test
    void weakIsRefusedStrongAndConfirmedEnablesNext(FxRobot robot) {
        WizardWalk walk = toPassphrase(robot);
        walk.type("#passphrase", "agent-updates2024");
        walk.type("#confirm", "agent-updates2024");
        awaitLevel(walk, "Too guessable");
        assertThat(walk.text("#meter-crack-time")).startsWith("Time to guess it at 10,000 guesses per second: ");
        assertThat(walk.nextEnabled()).as("gate refuses, even though both entries match").isFalse();
        assertThat(walk.text("#confirm-status")).isEqualTo(Messages.get("passphrase.match"));

        String strong = WizardFixture.freshPassphrase();
        walk.type("#passphrase", strong);
        awaitLevel(walk, "accepted");
        assertThat(walk.text("#meter-level")).startsWith("Level 4 of 4");
        assertThat(walk.text("#confirm-status")).isEqualTo(Messages.get("passphrase.mismatch"));
        assertThat(walk.nextEnabled()).as("confirmation differs").isFalse();
        walk.type("#confirm", strong);
        assertThat(walk.text("#confirm-status")).isEqualTo(Messages.get("passphrase.match"));
        assertThat(walk.nextEnabled()).isTrue();

        // Leaving the page empties both fields; coming back, the passphrase is typed again.
        walk.click("#back");
        walk.next();
        assertThat(walk.pageId()).isEqualTo("passphrase");
        assertThat(WizardWalk.onFx(() -> walk.node("#passphrase", PasswordField.class).getLength())).isZero();
        assertThat(WizardWalk.onFx(() -> walk.node("#confirm", PasswordField.class).getLength())).isZero();
        assertThat(walk.nextEnabled()).isFalse();
    }

    @Test
    void dicewareShowsSevenNumberedWords(FxRobot robot) {
        WizardWalk walk = toPassphrase(robot);
        walk.click("#generate-diceware");
        for (int i = 1; i <= 7; i++) {
            assertThat(walk.text("#diceware-word-" + i)).matches("[a-z-]+");
        }
        assertThat(robot.lookup("#diceware-word-8").tryQuery()).isEmpty();
        assertThat(WizardWalk.onFx(() -> robot.lookup(".diceware-number").queryAllAs(Label.class).stream()
                .map(Label::getText).toList())).containsExactly("1.", "2.", "3.", "4.", "5.", "6.", "7.");
        assertThat(walk.text("#diceware .label")).contains("7 words").contains("90 bits");
    }

    @Test
    void theTextCannotBeCopiedOrCutOut(FxRobot robot) {
        WizardWalk walk = toPassphrase(robot);
        walk.type("#passphrase", "some secret text");
        PasswordField field = walk.node("#passphrase", PasswordField.class);
        assertThat(field.getContextMenu().getItems()).as("no Copy/Cut/Paste menu").isEmpty();
        AtomicInteger reachedScene = new AtomicInteger();
        WizardWalk.onFx(() -> {
            window.scene().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.C || e.getCode() == KeyCode.X || e.getCode() == KeyCode.INSERT) {
                    reachedScene.incrementAndGet();
                }
            });
            return null;
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.C).type(KeyCode.X).type(KeyCode.INSERT).release(KeyCode.CONTROL);
        robot.press(KeyCode.SHIFT).type(KeyCode.DELETE).release(KeyCode.SHIFT);
        // The filter consumed them before the field (or anything else) could act on them.
        assertThat(reachedScene).hasValue(0);
        assertThat(field.getLength()).as("Cut did not remove the text either").isEqualTo("some secret text".length());
        // A plain letter still types: only the copy/cut keys are blocked.
        robot.type(KeyCode.C);
        assertThat(WizardWalk.onFx(field::getLength)).isEqualTo("some secret text".length() + 1);
    }

    @Test
    void aVeryLongInputIsStillRatedAndTypingGoesOn(FxRobot robot) {
        WizardWalk walk = toPassphrase(robot);
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            b.append((char) ('!' + r.nextInt(94)));
        }
        PasswordField field = walk.node("#passphrase", PasswordField.class);
        WizardWalk.onFx(() -> {
            field.setText(b.toString()); // pasted, e.g. from a password manager
            return null;
        });
        walk.type("#confirm", "x"); // typing elsewhere still works while the meter rates
        assertThat(WizardWalk.onFx(() -> walk.node("#confirm", PasswordField.class).getLength())).isEqualTo(1);
        awaitLevel(walk, "accepted");
    }
}
