package dev.tufceremony.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tufceremony.backup.KeyBackup;
import dev.tufceremony.ceremony.CeremonyReport;
import dev.tufceremony.ceremony.Transcript;
import dev.tufceremony.ceremony.TranscriptVerification;
import dev.tufceremony.ceremony.WrittenFile;
import dev.tufceremony.tuf.MetadataCodec;
import dev.tufceremony.tuf.RepositoryVerifier;
import dev.tufceremony.tuf.Root;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A whole bootstrap through the real pages, over plain-folder drives, checked on the drives. */
@ExtendWith(ApplicationExtension.class)
class BootstrapWizardTest {
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
    void bootstrapEndToEnd(FxRobot robot) throws Exception {
        WizardWalk walk = new WizardWalk(robot, window);
        String rootPassphrase = WizardFixture.freshPassphrase();
        String onlinePassphrase = WizardFixture.freshPassphrase();

        walk.click("#choose-bootstrap");
        walk.next();

        assertThat(walk.pageId()).isEqualTo("details");
        walk.type("#repository", "agent-updates");
        walk.type("#operator", "Ada Operator");
        walk.type("#witnesses", "Bo Witness");
        walk.click("#online-generate-under-passphrase");
        LocalDate pickedRootExpiry = WizardWalk.onFx(() -> walk.node("#root-expiry", DatePicker.class).getValue());
        walk.next();

        assertThat(walk.pageId()).isEqualTo("passphrase");
        walk.passphrase(rootPassphrase);

        assertThat(walk.pageId()).as("second passphrase, since online keys are under a passphrase").isEqualTo("online-passphrase");
        walk.passphrase(onlinePassphrase);

        assertThat(walk.pageTitle()).isEqualTo("Insert backup drive A");
        walk.chooseDrive("backup-a");
        assertThat(walk.text("#drive-deviation")).contains("plain folder");
        walk.next();
        assertThat(walk.pageTitle()).isEqualTo("Insert backup drive B");
        walk.chooseDrive("backup-b");
        walk.next();
        assertThat(walk.pageTitle()).isEqualTo("Insert the transfer drive");
        walk.chooseDrive("transfer");
        walk.next();

        walk.awaitPage("review");
        assertThat(Files.list(tmp.resolve("transfer")).count()).as("nothing written before review").isZero();
        String rootFingerprint = window.session().summary.role("root").keys().get(0).fingerprint();
        List<String> fingerprints = WizardWalk.onFx(() -> robot.lookup(".fingerprint").queryAllAs(Label.class)
                .stream().map(Label::getText).toList());
        assertThat(fingerprints).hasSize(4).contains(rootFingerprint);
        assertThat(walk.text("#role-root .role-title")).contains("threshold 1 of 1");
        TitledPane raw = walk.node("#raw-json", TitledPane.class);
        assertThat(raw.isExpanded()).isFalse();
        walk.click("#raw-json .title");
        assertThat(WizardWalk.onFx(raw::isExpanded)).isTrue();
        walk.next(); // Sign and write

        walk.awaitPage("finish");
        CeremonyReport report = window.session().report;
        Path repo = tmp.resolve("transfer/agent-updates");

        // The export is a repository a client accepts.
        var verification = new RepositoryVerifier(Clock.systemUTC()).verify(repo);
        assertThat(verification.ok()).as(verification.lines().toString()).isTrue();
        assertThat(repo.resolve("metadata/1.root.json")).exists();
        // The date picked for the root is the date signed, to the second (00:00 UTC that day).
        assertThat(MetadataCodec.readFile(repo.resolve("metadata/1.root.json"), Root.class, "1.root.json").signed().expires())
                .isEqualTo(pickedRootExpiry.atStartOfDay(ZoneOffset.UTC).toInstant());
        try (Stream<Path> s = Files.list(repo.resolve("online-keys"))) {
            assertThat(s.filter(p -> p.toString().endsWith(".key.age")).count()).isEqualTo(3);
        }
        // Both backups hold the root key that root.json names.
        String rootKeyid = window.session().summary.role("root").keys().get(0).keyid();
        for (String d : List.of("backup-a", "backup-b")) {
            assertThat(KeyBackup.directory(tmp.resolve(d), "agent-updates")
                    .resolve("root-" + rootKeyid.substring(0, 16) + ".key.age")).exists();
        }
        // The Finish page shows every written file with the SHA-256 that is really on the drive.
        List<String> shownHashes = WizardWalk.onFx(() -> robot.lookup(".sha256").queryAllAs(Label.class)
                .stream().map(l -> l.getText().replace(" ", "")).toList());
        assertThat(report.files()).isNotEmpty();
        for (WrittenFile f : report.files()) {
            assertThat(WizardFixture.sha256(f.path())).isEqualTo(f.sha256());
            assertThat(shownHashes).contains(f.sha256());
        }
        assertThat(report.files()).extracting(WrittenFile::medium).contains("backup A", "backup B", "export");
        List<String> shownKeyids = WizardWalk.onFx(() -> robot.lookup("#report .keyid").queryAllAs(Label.class)
                .stream().map(Label::getText).toList());
        assertThat(shownKeyids).contains(rootKeyid);
        assertThat(WizardWalk.onFx(() -> robot.lookup("#report-drives").queryAs(javafx.scene.layout.GridPane.class)
                .getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList()))
                .anySatisfy(t -> assertThat(t).contains("backup-a"));
        assertThat(walk.text("#report-deviations .label")).isNotEmpty();
        // The transcript is on the export medium, and its chain and signature verify.
        assertThat(report.transcript()).startsWith(repo);
        TranscriptVerification tv = Transcript.verify(report.transcript(), Path.of(report.transcript() + ".sig"),
                repo.resolve("metadata/1.root.json"));
        assertThat(tv.ok()).as(tv.problems().toString()).isTrue();
        // Once written, the session holds no passphrase and no ceremony object (its keys are wiped).
        assertThat(window.session().rootPassphrase).isNull();
        assertThat(window.session().onlinePassphrase).isNull();
        assertThat(window.session().bootstrap).isNull();
        assertThat(walk.pageTitle()).isEqualTo("Record for the witnesses");
        assertThat(walk.nextEnabled()).isTrue();
    }
}
