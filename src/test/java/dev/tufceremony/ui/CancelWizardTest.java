package dev.tufceremony.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tufceremony.ceremony.AirGapCheck;
import dev.tufceremony.ceremony.CeremonyEnvironment;
import dev.tufceremony.ceremony.Progress;
import dev.tufceremony.media.DurableWriter;
import dev.tufceremony.media.WriteProgress;
import dev.tufceremony.passphrase.DicewareGenerator;
import dev.tufceremony.secret.Passphrase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Stopping a ceremony while its background call runs. The slow call is forced with latches: the
 * ceremony's random source (key generation) or its drive writer waits until the test lets it go.
 */
@ExtendWith(ApplicationExtension.class)
class CancelWizardTest {
    @TempDir
    Path tmp;

    private WizardWindow window;
    private Stage stage;
    private final Gate keyGeneration = new Gate();
    private final Gate writing = new Gate();
    /** Writes to this folder fail while set (the drive "went away"). */
    private volatile Path failWritesUnder;

    /** Holds the first call that passes it once armed, until released. */
    private static final class Gate {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean armed;

        void pass() {
            if (armed) {
                armed = false;
                reached.countDown();
                try {
                    if (!release.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("test gate never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }

        void awaitReached() throws InterruptedException {
            assertThat(reached.await(60, TimeUnit.SECONDS)).as("the background call reached the gate").isTrue();
        }
    }

    /** Key generation draws from here: the first draw after arming waits at the gate. */
    private final class GatedRandom extends SecureRandom {
        @Override
        public void nextBytes(byte[] bytes) {
            keyGeneration.pass();
            super.nextBytes(bytes);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        var drives = WizardFixture.folders(tmp, "backup-a", "backup-b", "transfer");
        CeremonyEnvironment env = CeremonyEnvironment.builder()
                .airGapCheck(AirGapCheck.fixed(List.of()))
                .driveDetector(drives)
                .random(new GatedRandom())
                .writer(new DurableWriter((step, path, temp) -> {
                    writing.pass();
                    Path fail = failWritesUnder;
                    if (fail != null && path.startsWith(fail.toAbsolutePath().normalize())) {
                        throw new java.io.IOException("Input/output error");
                    }
                }, WriteProgress.NONE))
                .build();
        WizardServices services = new WizardServices(env, new DicewareGenerator(new SecureRandom()),
                OptionalInt.of(TestServices.TEST_WORK_FACTOR));
        window = WizardFixture.show(stage, services);
    }

    @AfterEach
    void close() {
        keyGeneration.release.countDown();
        writing.release.countDown();
        WizardFixture.close(window);
    }

    /** Start → past the root passphrase page of a bootstrap whose online keys get a passphrase too. */
    private static void walkPastRootPassphrase(WizardWalk walk) {
        walk.click("#choose-bootstrap");
        walk.next();
        walk.type("#repository", "agent-updates");
        walk.type("#operator", "Ada Operator");
        walk.click("#online-generate-under-passphrase");
        walk.next();
        walk.passphrase(WizardFixture.freshPassphrase());
    }

    /** Start → the transfer drive page of a bootstrap, online keys under a passphrase. */
    private void walkToLastDrive(WizardWalk walk) {
        walkPastRootPassphrase(walk);
        String online = WizardFixture.freshPassphrase();
        walk.passphrase(online);
        walk.chooseDrive("backup-a");
        walk.next();
        walk.chooseDrive("backup-b");
        walk.next();
        walk.chooseDrive("transfer");
    }

    private long filesUnder(String drive) throws Exception {
        try (Stream<Path> s = Files.walk(tmp.resolve(drive))) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void cancelWhileTheKeysAreMadeWipesTheLateResultAndShowsNothingOfIt(FxRobot robot) throws Exception {
        WizardWalk walk = new WizardWalk(robot, window);
        walkToLastDrive(walk);
        keyGeneration.armed = true;
        walk.next();
        assertThat(walk.pageId()).isEqualTo("prepare");
        keyGeneration.awaitReached(); // Bootstrap.prepare is now inside key generation

        CeremonySession ended = window.session();
        Passphrase root = ended.rootPassphrase;
        Passphrase online = ended.onlinePassphrase;
        CountDownLatch discarded = new CountDownLatch(1);
        AtomicReference<Object> late = new AtomicReference<>();
        WizardWalk.onFx(() -> {
            window.tasks().onDiscarded(r -> {
                late.set(r);
                discarded.countDown();
            });
            return null;
        });
        walk.click("#cancel");

        // At once: back on Start, told so, and the typed passphrases are wiped.
        assertThat(walk.pageId()).isEqualTo("start");
        assertThat(walk.text("#wizard-notice")).isEqualTo(Messages.format("cancelled", "Bootstrap"))
                .contains("cancelled").contains("Nothing was written");
        assertThat(walk.text("#step-count")).isEqualTo("tuf-ceremony");
        assertThat(window.session()).isNull();
        assertThat(root.isDestroyed()).isTrue();
        assertThat(online.isDestroyed()).isTrue();

        // The keys come out of the ended call later: they are wiped and never shown.
        keyGeneration.release.countDown();
        assertThat(discarded.await(60, TimeUnit.SECONDS)).as("the late result was discarded").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(walk.pageId()).isEqualTo("start");
        assertThat(walk.text("#wizard-notice")).isEqualTo(Messages.format("cancelled", "Bootstrap"));
        assertThat(late.get()).isInstanceOf(Flows.Prepared.class);
        Flows.Prepared prepared = (Flows.Prepared) late.get();
        assertThat(prepared.bootstrap()).isNotNull();
        // Closed: its keys and passphrases are gone, so it can no longer write a backup.
        assertThatThrownBy(() -> prepared.bootstrap().execute(Progress.NONE)).isNotNull();
        for (String d : List.of("backup-a", "backup-b", "transfer")) {
            assertThat(filesUnder(d)).as("nothing written to " + d).isZero();
        }

        // A new ceremony starts clean: no notice, its own pages.
        walk.click("#choose-bootstrap");
        walk.next();
        assertThat(walk.pageId()).isEqualTo("details");
        assertThat(walk.text("#wizard-notice")).isEmpty();
        assertThat(window.session()).isNotSameAs(ended);
    }

    @Test
    void backOntoTheStartPageEndsTheCeremonyLikeCancel(FxRobot robot) {
        WizardWalk walk = new WizardWalk(robot, window);
        walkPastRootPassphrase(walk);
        Passphrase typed = window.session().rootPassphrase;
        walk.click("#back");
        walk.click("#back");
        walk.click("#back");
        assertThat(walk.pageId()).isEqualTo("start");
        assertThat(window.session()).isNull();
        assertThat(typed.isDestroyed()).isTrue();
        assertThat(walk.text("#wizard-notice")).isEqualTo(Messages.format("cancelled", "Bootstrap"));
    }

    @Test
    void theWindowStaysOpenWhileFilesAreWritten(FxRobot robot) throws Exception {
        WizardWalk walk = new WizardWalk(robot, window);
        walkToLastDrive(walk);
        walk.next();
        walk.awaitPage("review");
        writing.armed = true;
        walk.next(); // Sign and write
        assertThat(walk.pageId()).isEqualTo("execute");
        writing.awaitReached(); // the first file write is under way

        assertThat(WizardWalk.onFx(() -> robot.lookup("#cancel").queryAs(Button.class).isDisabled())).isTrue();
        boolean showing = WizardWalk.onFx(() -> {
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            return stage.isShowing();
        });
        assertThat(showing).as("closing is refused during the writes").isTrue();
        assertThat(walk.text("#wizard-notice")).isEqualTo(Messages.get("close.whileWriting"));
        assertThat(window.session()).isNotNull();

        writing.release.countDown();
        walk.awaitPage("finish");
        assertThat(window.session().report).isNotNull();
        assertThat(walk.text("#wizard-notice")).as("the notice went with the page it was about").isEmpty();
        boolean closed = WizardWalk.onFx(() -> {
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            return !stage.isShowing();
        });
        assertThat(closed).as("once written, the window closes").isTrue();
    }

    @Test
    void cancelAfterAFailedWriteSaysWhatStopped(FxRobot robot) throws Exception {
        WizardWalk walk = new WizardWalk(robot, window);
        walkToLastDrive(walk);
        walk.next();
        walk.awaitPage("review");
        failWritesUnder = tmp.resolve("backup-b");
        walk.next(); // Sign and write: backup A is written, backup B fails
        WizardWalk.await(() -> !walk.errorsOnPage().equals("[]"), () -> "the write error");
        String error = walk.text("#work-error");
        assertThat(error).contains("backup-b").contains("nothing was left under that name");
        assertThat(filesUnder("backup-a")).as("backup A was written before the failure").isPositive();
        assertThat(filesUnder("backup-b")).isZero();

        walk.click("#cancel");
        assertThat(walk.pageId()).isEqualTo("start");
        String notice = walk.text("#wizard-notice");
        assertThat(notice).isEqualTo(Messages.format("cancelled.afterWrites", "Bootstrap", error));
        assertThat(notice).contains("cancelled after it had begun writing").contains(error).contains("stay on the drives");
        assertThat(filesUnder("backup-a")).as("what was written stays: nothing is deleted behind the operator").isPositive();
    }
}
