package dev.tufceremony.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tufceremony.backup.KeyBackup;
import dev.tufceremony.ceremony.RootSummary;
import dev.tufceremony.tuf.RepositoryVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A root rotation through the real pages, from a repository bootstrapped by the ceremony API. */
@ExtendWith(ApplicationExtension.class)
class RotationWizardTest {
    @TempDir
    static Path tmp;

    private static final String OLD_PASSPHRASE = WizardFixture.freshPassphrase();
    private static RootSummary first;
    private WizardWindow window;

    @Start
    void start(Stage stage) throws Exception {
        first = WizardFixture.bootstrap(tmp, "agent-updates", OLD_PASSPHRASE);
        var drives = WizardFixture.folders(tmp, "backup-a", "backup-b", "transfer", "new-a", "new-b");
        window = WizardFixture.show(stage, TestServices.airGapped(drives));
    }

    @AfterEach
    void close() {
        WizardFixture.close(window);
    }

    @Test
    void rotationEndToEnd(FxRobot robot) throws Exception {
        WizardWalk walk = new WizardWalk(robot, window);
        String newPassphrase = WizardFixture.freshPassphrase();
        String oldKeyid = first.role("root").keys().get(0).keyid();

        walk.click("#choose-rotation");
        walk.next();

        assertThat(walk.pageId()).isEqualTo("repository");
        walk.chooseDrive("transfer");
        walk.type("#repository-name", "no-such-repo");
        walk.pressNext();
        WizardWalk.await(() -> !walk.errorsOnPage().equals("[]"), () -> "error for a missing repository");
        assertThat(walk.pageId()).isEqualTo("repository");
        assertThat(walk.text("#repository-error")).contains("no-such-repo");
        walk.type("#repository-name", "agent-updates");
        walk.next();

        assertThat(walk.pageId()).isEqualTo("current-root");
        assertThat(walk.text("#root-summary .root-header")).startsWith("Root version 1, expires ")
                .contains(RootSummaryView.date(first.expires()));
        assertThat(WizardWalk.onFx(() -> robot.lookup(".keyid").queryAllAs(Label.class).stream().map(Label::getText).toList()))
                .contains(oldKeyid);
        walk.next();

        assertThat(walk.pageId()).isEqualTo("unlock");
        walk.chooseDrive("backup-a");
        walk.type("#old-passphrase", "wrong " + OLD_PASSPHRASE);
        walk.pressNext();
        WizardWalk.await(() -> !walk.errorsOnPage().equals("[]"), () -> "error for a wrong passphrase");
        assertThat(walk.pageId()).isEqualTo("unlock");
        assertThat(WizardWalk.onFx(() -> walk.node("#old-passphrase", javafx.scene.control.PasswordField.class).getLength()))
                .as("the field is emptied after each attempt").isZero();
        walk.type("#old-passphrase", OLD_PASSPHRASE);
        walk.next();

        assertThat(walk.pageId()).isEqualTo("details");
        assertThat(walk.text("#unlocked-key")).contains(first.role("root").keys().get(0).fingerprint());
        walk.type("#operator", "Cy Operator");
        walk.type("#witnesses", "Di Witness");
        walk.next();

        assertThat(walk.pageId()).isEqualTo("passphrase");
        walk.passphrase(newPassphrase);

        assertThat(walk.pageTitle()).as("no online passphrase page: no online key is replaced").isEqualTo("Insert backup drive A");
        walk.chooseDrive("new-a");
        walk.next();
        walk.chooseDrive("new-b");
        walk.next();

        walk.awaitPage("review");
        List<String> diff = WizardWalk.onFx(() -> walk.node("#root-diff", javafx.scene.layout.VBox.class).getChildren()
                .stream().map(n -> ((Label) n).getText()).toList());
        assertThat(diff).isNotEmpty().anySatisfy(l -> assertThat(l).contains("version 1 → 2"));
        String newKeyid = window.session().summary.role("root").keys().stream()
                .map(k -> k.keyid()).filter(k -> !k.equals(oldKeyid)).findFirst().orElseThrow();
        walk.next();

        walk.awaitPage("finish");
        Path repo = tmp.resolve("transfer/agent-updates");
        assertThat(repo.resolve("metadata/2.root.json")).exists();
        var verification = new RepositoryVerifier(Clock.systemUTC()).verify(repo);
        assertThat(verification.ok()).as(verification.lines().toString()).isTrue();
        for (String d : List.of("new-a", "new-b")) {
            assertThat(KeyBackup.directory(tmp.resolve(d), "agent-updates")
                    .resolve("root-" + newKeyid.substring(0, 16) + ".key.age")).exists();
        }
        // The old backups are untouched: still only the old key.
        try (var s = Files.list(KeyBackup.directory(tmp.resolve("backup-a"), "agent-updates"))) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".key.age")).toList())
                    .containsExactly("root-" + oldKeyid.substring(0, 16) + ".key.age");
        }
        assertThat(WizardWalk.onFx(() -> robot.lookup("#report .keyid").queryAllAs(Label.class).stream().map(Label::getText).toList()))
                .contains(newKeyid);
        assertThat(window.session().report.transcript()).exists();
        for (var f : window.session().report.files()) {
            assertThat(WizardFixture.sha256(f.path())).isEqualTo(f.sha256());
        }
    }
}
