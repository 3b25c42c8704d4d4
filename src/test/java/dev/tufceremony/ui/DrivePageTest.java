package dev.tufceremony.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tufceremony.media.Bus;
import dev.tufceremony.media.DeviceIdentity;
import dev.tufceremony.media.Drive;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The drive pages: the live list, and refusing one physical device for two roles. */
@ExtendWith(ApplicationExtension.class)
class DrivePageTest {
    /** What the detector reports now; tests plug and pull sticks by editing it. */
    private final List<Drive> plugged = new CopyOnWriteArrayList<>();
    private WizardWindow window;

    private static Drive usb(String label, String disk, String serial) {
        return new Drive(Path.of("/media/op/" + label), label, "vfat", 16_000_000_000L, 15_500_000_000L,
                new DeviceIdentity(disk, disk + "1", serial, null, null), Bus.USB, true);
    }

    @Start
    void start(Stage stage) {
        plugged.add(usb("STICK-1", "/dev/sdb", "AA11"));
        // A cheap clone: another disk node, the same serial number.
        plugged.add(usb("STICK-2", "/dev/sdc", "AA11"));
        plugged.add(usb("STICK-3", "/dev/sdd", "BB22"));
        window = WizardFixture.show(stage, TestServices.airGapped(() -> List.copyOf(plugged)));
    }

    @AfterEach
    void close() {
        WizardFixture.close(window);
    }

    private WizardWalk toDriveA(FxRobot robot) {
        WizardWalk walk = new WizardWalk(robot, window);
        walk.click("#choose-bootstrap");
        walk.next();
        walk.type("#repository", "agent-updates");
        walk.type("#operator", "Ada Operator");
        walk.type("#age-recipient", "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq");
        walk.next();
        String p = WizardFixture.freshPassphrase();
        walk.passphrase(p);
        assertThat(walk.pageId()).isEqualTo("drive-backup-a");
        return walk;
    }

    @Test
    void theSameDeviceTwiceIsRefusedWithTheReasonNamingBoth(FxRobot robot) {
        WizardWalk walk = toDriveA(robot);
        TableView<?> table = walk.node("#drives", TableView.class);
        assertThat(WizardWalk.onFx(() -> table.getItems().size())).isEqualTo(3);
        walk.chooseDrive("STICK-1");
        assertThat(walk.text("#drive-problem")).isEmpty();
        walk.next();

        assertThat(walk.pageId()).isEqualTo("drive-backup-b");
        walk.chooseDrive("STICK-2");
        String reason = walk.text("#drive-problem");
        assertThat(reason).contains("STICK-1").contains("STICK-2").contains("same physical device");
        assertThat(WizardWalk.onFx(() -> walk.node("#drive-problem", javafx.scene.control.Label.class).isVisible())).isTrue();
        assertThat(walk.nextEnabled()).isFalse();

        walk.chooseDrive("STICK-3");
        assertThat(walk.text("#drive-problem")).isEmpty();
        assertThat(walk.nextEnabled()).isTrue();
        walk.next();

        assertThat(walk.pageId()).isEqualTo("drive-export");
        walk.chooseDrive("STICK-3");
        assertThat(walk.text("#drive-problem")).contains("STICK-3").contains("transfer drive").contains("backup drive B");
        assertThat(walk.nextEnabled()).isFalse();
    }

    @Test
    void theListFollowsSticksBeingPluggedAndPulled(FxRobot robot) {
        WizardWalk walk = toDriveA(robot);
        TableView<?> table = walk.node("#drives", TableView.class);
        plugged.add(usb("LATE-STICK", "/dev/sde", "CC33"));
        WizardWalk.await(() -> table.getItems().size() == 4, () -> "the new stick listed by the next scan");
        walk.chooseDrive("LATE-STICK");
        assertThat(walk.nextEnabled()).isTrue();

        plugged.removeIf(d -> d.label().equals("LATE-STICK"));
        WizardWalk.await(() -> table.getItems().size() == 3, () -> "the pulled stick gone");
        assertThat(WizardWalk.onFx(() -> table.getSelectionModel().getSelectedItem())).isNull();
        assertThat(walk.nextEnabled()).as("the chosen drive was pulled out").isFalse();
    }
}
