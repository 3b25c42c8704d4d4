package dev.tufceremony.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tufceremony.BuildInfo;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StartPageTest {
    private WizardWindow window;

    /** Each test starts its own window; this one reports eth0 and wlan0 as up. */
    @Start
    void start(Stage stage) {
        window = WizardFixture.show(stage, TestServices.with(List::of, List.of("eth0", "wlan0")));
    }

    @AfterEach
    void close() {
        WizardFixture.close(window);
    }

    @Test
    void showsTheThreeCeremoniesEachWithWhenToUseIt(FxRobot robot) {
        WizardWalk walk = new WizardWalk(robot, window);
        assertThat(walk.pageId()).isEqualTo("start");
        assertThat(walk.text("#choose-bootstrap")).contains("Bootstrap");
        assertThat(walk.text("#choose-rotation")).contains("Rotation");
        assertThat(walk.text("#choose-backup-check").replace("_", "")).contains("Backup check");
        List<String> help = WizardWalk.onFx(() -> robot.lookup(".choice-help").queryAllAs(Label.class)
                .stream().map(Label::getText).toList());
        assertThat(help).hasSize(3).allSatisfy(h -> assertThat(h.length()).isGreaterThan(40));
    }

    @Test
    void showsVersionAndTheProgramHash(FxRobot robot) {
        WizardWalk walk = new WizardWalk(robot, window);
        assertThat(walk.text("#version")).isEqualTo(BuildInfo.version());
        // Tests run from a class folder: BuildInfo says so, and the page shows exactly that.
        WizardWalk.await(() -> !walk.text("#jar-sha256").equals(Messages.get("start.computing")), () -> "hash shown");
        assertThat(walk.text("#jar-sha256")).isEqualTo(BuildInfo.runningJarSha256());
    }

    @Test
    void networkUpIsRedNamesTheInterfacesAndBlocksNextUntilAccepted(FxRobot robot) {
        WizardWalk walk = new WizardWalk(robot, window);
        WizardWalk.await(() -> robot.lookup("#air-gap-status").tryQuery().isPresent(), () -> "air-gap status");
        Label status = walk.node("#air-gap-status", Label.class);
        assertThat(status.getStyleClass()).contains("status-bad");
        assertThat(status.getText()).contains("NOT AIR-GAPPED").contains("eth0").contains("wlan0");

        walk.click("#choose-bootstrap");
        assertThat(walk.nextEnabled()).as("network up and not accepted").isFalse();
        CheckBox accept = walk.node("#accept-network", CheckBox.class);
        assertThat(WizardWalk.onFx(accept::isVisible)).isTrue();
        walk.click("#accept-network");
        assertThat(walk.nextEnabled()).isTrue();
        walk.next();
        assertThat(walk.pageId()).isEqualTo("details");
        assertThat(window.session().networkAccepted).isTrue();
    }
}
