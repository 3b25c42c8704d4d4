package dev.tufceremony.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tufceremony.ceremony.RootSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The yearly backup check through the real pages: both drives, one wrong passphrase, comparison. */
@ExtendWith(ApplicationExtension.class)
class BackupCheckWizardTest {
    @TempDir
    static Path tmp;

    private static final String PASSPHRASE = WizardFixture.freshPassphrase();
    private static RootSummary root;
    private WizardWindow window;

    @Start
    void start(Stage stage) throws Exception {
        root = WizardFixture.bootstrap(tmp, "agent-updates", PASSPHRASE);
        var drives = WizardFixture.folders(tmp, "backup-a", "backup-b", "transfer");
        window = WizardFixture.show(stage, TestServices.airGapped(drives));
    }

    @AfterEach
    void close() {
        WizardFixture.close(window);
    }

    private static Map<Path, String> snapshot(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).collect(Collectors.toMap(p -> p, p -> {
                try {
                    return WizardFixture.sha256(p);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
    }

    @Test
    void backupCheckEndToEnd(FxRobot robot) throws Exception {
        WizardWalk walk = new WizardWalk(robot, window);
        String keyid = root.role("root").keys().get(0).keyid();
        Map<Path, String> backupsBefore = snapshot(tmp.resolve("backup-a"));
        backupsBefore.putAll(snapshot(tmp.resolve("backup-b")));

        walk.click("#choose-backup-check");
        walk.next();
        walk.chooseDrive("transfer");
        walk.type("#repository-name", "agent-updates");
        walk.next();
        assertThat(walk.pageId()).isEqualTo("current-root");
        walk.next();

        assertThat(walk.pageId()).isEqualTo("check");
        assertThat(walk.nextEnabled()).as("nothing checked yet").isFalse();
        walk.chooseDrive("backup-a");
        walk.type("#check-passphrase", "not the passphrase at all");
        walk.click("#check-drive");
        WizardWalk.await(() -> robot.lookup("#check-result-1").tryQuery().isPresent(), () -> "first result");
        Label bad = walk.node("#check-result-1", Label.class);
        assertThat(bad.getText()).startsWith("FAILED").contains("backup-a");
        assertThat(bad.getStyleClass()).contains("status-bad");

        walk.type("#check-passphrase", PASSPHRASE);
        walk.click("#check-drive");
        WizardWalk.await(() -> robot.lookup("#check-result-2").tryQuery().isPresent(), () -> "second result");
        assertThat(walk.text("#check-result-2")).startsWith("OK").contains(keyid);

        walk.chooseDrive("backup-b");
        walk.type("#check-passphrase", PASSPHRASE);
        walk.click("#check-drive");
        WizardWalk.await(() -> robot.lookup("#check-result-3").tryQuery().isPresent(), () -> "third result");
        assertThat(walk.text("#check-result-3")).startsWith("OK").contains("backup-b").contains(keyid);
        assertThat(walk.text("#check-comparison")).isEqualTo(Messages.get("check.agree"));
        walk.next();

        walk.awaitPage("finish");
        List<String> results = WizardWalk.onFx(() -> walk.node("#report-checks", javafx.scene.layout.VBox.class)
                .getChildren().stream().map(n -> ((Label) n).getText()).toList());
        assertThat(results).hasSize(3);
        // Nothing was written to the backup drives; the transcript went to the repository's medium.
        Map<Path, String> backupsAfter = snapshot(tmp.resolve("backup-a"));
        backupsAfter.putAll(snapshot(tmp.resolve("backup-b")));
        assertThat(backupsAfter).isEqualTo(backupsBefore);
        Path transcript = window.session().report.transcript();
        assertThat(transcript).exists().startsWith(tmp.resolve("transfer"));
        assertThat(transcript.getFileName().toString()).endsWith("-backup-check.transcript.txt");
    }
}
