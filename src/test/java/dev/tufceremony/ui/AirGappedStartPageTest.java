package dev.tufceremony.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class AirGappedStartPageTest {
    private WizardWindow window;

    @Start
    void start(Stage stage) {
        window = WizardFixture.show(stage, TestServices.airGapped(List::of));
    }

    @AfterEach
    void close() {
        WizardFixture.close(window);
    }

    @Test
    void airGappedIsGreenAndNextWaitsForAChoice(FxRobot robot) {
        WizardWalk walk = new WizardWalk(robot, window);
        WizardWalk.await(() -> robot.lookup("#air-gap-status").tryQuery().isPresent(), () -> "air-gap status");
        Label status = walk.node("#air-gap-status", Label.class);
        assertThat(status.getStyleClass()).contains("status-ok");
        assertThat(status.getText()).startsWith("AIR-GAPPED");
        assertThat(walk.nextEnabled()).as("no ceremony chosen yet").isFalse();
        walk.click("#choose-rotation");
        assertThat(walk.nextEnabled()).isTrue();
    }

    @Test
    void keyboardOnlyChoosesACeremonyAndMovesOn(FxRobot robot) {
        WizardWalk walk = new WizardWalk(robot, window);
        WizardWalk.await(() -> robot.lookup("#air-gap-status").tryQuery().isPresent(), () -> "air-gap status");
        // Enter and Escape: Next is the default button, Cancel the cancel button.
        assertThat(walk.node("#next", javafx.scene.control.Button.class).isDefaultButton()).isTrue();
        assertThat(walk.node("#cancel", javafx.scene.control.Button.class).isCancelButton()).isTrue();
        // Focus starts on the first ceremony; Space selects it, Alt+N is Next's mnemonic.
        WizardWalk.await(() -> {
            javafx.scene.Node owner = window.scene().getFocusOwner();
            return owner != null && "choose-bootstrap".equals(owner.getId());
        }, () -> "focus on the first ceremony, was " + window.scene().getFocusOwner());
        robot.type(KeyCode.SPACE);
        assertThat(walk.nextEnabled()).as("Space selected the focused ceremony").isTrue();
        robot.press(KeyCode.ALT).type(KeyCode.N).release(KeyCode.ALT);
        WizardWalk.await(() -> "details".equals(window.wizard().current().id()), () -> "details page by Alt+N");
        assertThat(window.session().kind).isEqualTo(dev.tufceremony.ceremony.CeremonyKind.BOOTSTRAP);
        // Alt+B is Back's mnemonic.
        robot.press(KeyCode.ALT).type(KeyCode.B).release(KeyCode.ALT);
        WizardWalk.await(() -> "start".equals(window.wizard().current().id()), () -> "back to start by Alt+B");
    }
}
