package dev.tufceremony.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Step n of m" counts only the pages the operator will visit with the choices made so far, and
 * changes as soon as a choice adds or removes a page (the online keys passphrase page).
 */
@ExtendWith(ApplicationExtension.class)
class StepCountWizardTest {
    private static final String AGE_RECIPIENT = "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq";

    private static final String OLD_PASSPHRASE = WizardFixture.freshPassphrase();

    @TempDir
    static Path tmp;

    private WizardWindow window;

    @Start
    void start(Stage stage) throws Exception {
        if (!Files.exists(tmp.resolve("transfer/agent-updates"))) {
            WizardFixture.bootstrap(tmp, "agent-updates", OLD_PASSPHRASE);
        }
        var drives = WizardFixture.folders(tmp, "new-a", "new-b", "boot-a", "boot-b", "boot-x", "backup-a", "transfer");
        window = WizardFixture.show(stage, TestServices.airGapped(drives));
    }

    @AfterEach
    void close() {
        WizardFixture.close(window);
    }

    private static String step(WizardWalk walk) {
        return walk.text("#step-count");
    }

    @Test
    void bootstrapCountsOnlyThePagesItWillShow(FxRobot robot) {
        WizardWalk walk = new WizardWalk(robot, window);
        assertThat(step(walk)).isEqualTo("tuf-ceremony");
        walk.click("#choose-bootstrap");
        walk.next();

        // Start, details, root passphrase, 3 drives, prepare, review, write, finish: the online keys go
        // to an age recipient by default, so their passphrase page is not among them.
        assertThat(walk.pageId()).isEqualTo("details");
        assertThat(step(walk)).isEqualTo("Step 2 of 10");
        walk.click("#online-generate-under-passphrase");
        assertThat(step(walk)).as("the online keys passphrase page now comes").isEqualTo("Step 2 of 11");
        walk.click("#online-generate-to-recipient");
        assertThat(step(walk)).isEqualTo("Step 2 of 10");

        walk.type("#repository", "steps");
        walk.type("#operator", "Ada Operator");
        walk.type("#age-recipient", AGE_RECIPIENT);
        walk.next();
        assertThat(walk.pageId()).isEqualTo("passphrase");
        assertThat(step(walk)).isEqualTo("Step 3 of 10");
        String p = WizardFixture.freshPassphrase();
        walk.passphrase(p);
        assertThat(walk.pageId()).isEqualTo("drive-backup-a");
        assertThat(step(walk)).as("the skipped page is not counted before this one either").isEqualTo("Step 4 of 10");

        // Back to the details, where choosing a passphrase for the online keys adds their page.
        walk.click("#back");
        walk.click("#back");
        assertThat(walk.pageId()).isEqualTo("details");
        walk.click("#online-generate-under-passphrase");
        assertThat(step(walk)).isEqualTo("Step 2 of 11");
        walk.next();
        assertThat(step(walk)).isEqualTo("Step 3 of 11");
        walk.passphrase(p);
        assertThat(walk.pageId()).isEqualTo("online-passphrase");
        assertThat(step(walk)).isEqualTo("Step 4 of 11");
        String online = WizardFixture.freshPassphrase();
        walk.passphrase(online);
        assertThat(walk.pageId()).isEqualTo("drive-backup-a");
        assertThat(step(walk)).isEqualTo("Step 5 of 11");
        walk.chooseDrive("boot-a");
        walk.next();
        walk.chooseDrive("boot-b");
        walk.next();
        walk.chooseDrive("boot-x");
        walk.next();
        walk.awaitPage("review");
        assertThat(step(walk)).isEqualTo("Step 9 of 11");
        walk.next();
        walk.awaitPage("finish");
        assertThat(step(walk)).as("the last page is the last step").isEqualTo("Step 11 of 11");
    }

    @Test
    void rotationCountsOnlyThePagesItWillShow(FxRobot robot) {
        WizardWalk walk = new WizardWalk(robot, window);
        walk.click("#choose-rotation");
        walk.next();
        // Start, repository, current root, unlock, details, new passphrase, 2 drives, prepare, review,
        // write, finish: no online key is replaced by default, so no online keys passphrase page.
        assertThat(walk.pageId()).isEqualTo("repository");
        assertThat(step(walk)).isEqualTo("Step 2 of 12");
        walk.chooseDrive("transfer");
        walk.type("#repository-name", "agent-updates");
        walk.next();
        assertThat(step(walk)).isEqualTo("Step 3 of 12");
        walk.next();
        assertThat(walk.pageId()).isEqualTo("unlock");
        assertThat(step(walk)).isEqualTo("Step 4 of 12");
        walk.chooseDrive("backup-a");
        walk.type("#old-passphrase", OLD_PASSPHRASE);
        walk.next();

        assertThat(walk.pageId()).isEqualTo("details");
        assertThat(step(walk)).isEqualTo("Step 5 of 12");
        walk.click("#rotate-targets");
        assertThat(step(walk)).as("a new targets key for an age recipient needs no passphrase page").isEqualTo("Step 5 of 12");
        walk.click("#online-generate-under-passphrase");
        assertThat(step(walk)).isEqualTo("Step 5 of 13");
        walk.click("#rotate-targets");
        assertThat(step(walk)).as("no online key replaced: no online passphrase").isEqualTo("Step 5 of 12");
        walk.click("#rotate-targets");
        assertThat(step(walk)).isEqualTo("Step 5 of 13");
        walk.type("#operator", "Cy Operator");
        walk.next();
        assertThat(step(walk)).isEqualTo("Step 6 of 13");
        String p = WizardFixture.freshPassphrase();
        walk.passphrase(p);
        assertThat(walk.pageId()).isEqualTo("online-passphrase");
        assertThat(step(walk)).isEqualTo("Step 7 of 13");
        walk.click("#back");
        walk.click("#back");
        assertThat(walk.pageId()).isEqualTo("details");
        walk.click("#rotate-targets");
        walk.next();
        walk.passphrase(p);
        assertThat(walk.pageId()).isEqualTo("drive-backup-a");
        assertThat(step(walk)).isEqualTo("Step 7 of 12");
    }
}
