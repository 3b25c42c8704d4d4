package dev.tufceremony.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A ceremony stopped while its background call runs: the call's late result never reaches the
 * pages, a secret in it is wiped, and the ceremony objects are closed only once the call is done.
 * Work is held on latches, so every interleaving below is forced, not timed.
 */
@ExtendWith(ApplicationExtension.class)
class TasksScopeTest {
    private final Tasks tasks = new Tasks();
    /** Everything that happened, in order (callbacks on the FX thread, the work on its own). */
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @Start
    void start(Stage stage) {
    }

    @AfterEach
    void shutdown() {
        tasks.shutdown();
    }

    /** Key material as a ceremony call would return it: wiped by close(). */
    private final class FakeSecret implements AutoCloseable {
        final byte[] key = {1, 2, 3, 4};

        @Override
        public void close() {
            Arrays.fill(key, (byte) 0);
            events.add("secret wiped");
        }
    }

    /** Ends {@code scope} while its work runs, then lets the work go on and waits until it has finished. */
    private static void endWhileRunning(Tasks.Scope scope, CountDownLatch running, CountDownLatch release)
            throws InterruptedException {
        await(running);
        CountDownLatch idle = new CountDownLatch(1);
        WizardWalk.onFx(() -> {
            scope.end(idle::countDown);
            return null;
        });
        release.countDown();
        await(idle);
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(30, TimeUnit.SECONDS)).as("latch").isTrue();
    }

    private <T> void start(Tasks.Work<T> work) {
        WizardWalk.onFx(() -> tasks.run(work, r -> events.add("success shown"), m -> events.add("error shown: " + m)));
    }

    @Test
    void aResultArrivingAfterTheScopeEndedIsWipedAndNotShown() throws Exception {
        Tasks.Scope scope = WizardWalk.onFx(tasks::beginScope);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeSecret secret = new FakeSecret();
        start(p -> {
            running.countDown();
            await(release);
            return secret;
        });
        CountDownLatch idle = new CountDownLatch(1);
        await(running);
        WizardWalk.onFx(() -> {
            scope.end(() -> {
                events.add("ceremony closed");
                idle.countDown();
            });
            return null;
        });
        assertThat(events).as("the call still runs: the ceremony object must not be closed under it").isEmpty();

        release.countDown();
        await(idle);
        assertThat(events).containsExactly("secret wiped", "ceremony closed");
        assertThat(secret.key).containsOnly(0);
    }

    @Test
    void aFailureAfterTheScopeEndedIsNotShownEither() throws Exception {
        Tasks.Scope scope = WizardWalk.onFx(tasks::beginScope);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(p -> {
            running.countDown();
            await(release);
            throw new dev.tufceremony.CeremonyError("The drive went away.");
        });
        endWhileRunning(scope, running, release);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(events).isEmpty();
    }

    @Test
    void theWorkIsStoppedAtItsNextProgressReport() throws Exception {
        Tasks.Scope scope = WizardWalk.onFx(tasks::beginScope);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        start(p -> {
            p.update("step 1", 0.1);
            running.countDown();
            await(release);
            try {
                p.update("step 2", 0.5);
                events.add("step 2 ran");
            } catch (RuntimeException e) {
                thrown.set(e);
                throw e;
            }
            return "done";
        });
        endWhileRunning(scope, running, release);
        assertThat(thrown.get()).isInstanceOf(Tasks.Stopped.class);
        assertThat(events).isEmpty();
    }

    @Test
    void workStartedAfterAnEndIsNotAffectedAndAnIdleScopeClosesAtOnce() throws Exception {
        Tasks.Scope first = WizardWalk.onFx(tasks::beginScope);
        WizardWalk.onFx(() -> {
            first.end(() -> events.add("first closed"));
            return null;
        });
        assertThat(events).containsExactly("first closed");

        // Work started after the end, before the next ceremony begins, still reports.
        CountDownLatch shown = new CountDownLatch(1);
        WizardWalk.onFx(() -> tasks.run(p -> {
            p.update("working", -1);
            return "result";
        }, r -> {
            events.add("shown " + r);
            shown.countDown();
        }, m -> events.add("error " + m)));
        await(shown);
        assertThat(events).containsExactly("first closed", "shown result");
    }
}
