package dev.tufceremony.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A ceremony error on the Work page: the sentence, what to do next, Try again and Back; nothing written. */
@ExtendWith(ApplicationExtension.class)
class WorkErrorWizardTest {
    @TempDir
    static Path tmp;

    private WizardWindow window;

    @Start
    void start(Stage stage) throws Exception {
        var drives = WizardFixture.folders(tmp, "backup-a", "backup-b", "transfer");
        window = WizardFixture.show(stage, TestServices.airGapped(drives));
    }

    @AfterEach
    void close() {
        WizardFixture.close(window);
    }

    @Test
    void anInvalidRepositoryNameStopsBeforeWritingWithTheReasonOnThePage(FxRobot robot) throws Exception {
        WizardWalk walk = new WizardWalk(robot, window);
        walk.click("#choose-bootstrap");
        walk.next();
        walk.type("#repository", "-not a folder name");
        walk.type("#operator", "Ada Operator");
        walk.type("#age-recipient", "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq");
        walk.next();
        String p = WizardFixture.freshPassphrase();
        walk.passphrase(p);
        for (String d : new String[] {"backup-a", "backup-b", "transfer"}) {
            walk.chooseDrive(d);
            walk.next();
        }
        assertThat(walk.pageId()).isEqualTo("prepare");
        WizardWalk.await(() -> !walk.errorsOnPage().equals("[]"), () -> "the error on the work page");
        assertThat(walk.text("#work-error")).contains("-not a folder name").contains("letters, digits");
        assertThat(walk.text("#work-next-step")).isEqualTo(Messages.get("work.whatNext"));
        assertThat(WizardWalk.onFx(() -> walk.node("#retry", Button.class).isVisible())).isTrue();
        assertThat(walk.nextEnabled()).isFalse();
        for (String d : new String[] {"backup-a", "backup-b", "transfer"}) {
            try (var s = Files.list(tmp.resolve(d))) {
                assertThat(s.count()).as("nothing written to " + d).isZero();
            }
        }
        // Back goes to the last page with a choice (the transfer drive), skipping the Work page.
        walk.click("#back");
        assertThat(walk.pageId()).isEqualTo("drive-export");
    }
}
