package dev.tufceremony.ui;

import dev.tufceremony.ceremony.AirGapCheck;
import dev.tufceremony.ceremony.CeremonyEnvironment;
import dev.tufceremony.ceremony.CeremonyKind;
import dev.tufceremony.passphrase.DicewareGenerator;
import dev.tufceremony.passphrase.PassphraseGate;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Benchmark (not a test): does the strength meter ever hold up typing? Types into the real
 * passphrase page on the FX thread, one keystroke every {@code INTERVAL_MS}, and records per
 * keystroke (a) the FX-thread time to handle it (key events, meter hand-off, validity) and (b) the
 * input latency: from when the key was due to when its handling finished, which also counts
 * anything else holding the FX thread (layout, rendering, applying meter results).
 * Run by ceremony-scripts/bench-keystrokes.sh.
 */
public final class KeystrokeBench {
    private static final long INTERVAL_MS = 30;

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        PassphraseGate.warmUp();
        CeremonyEnvironment env = CeremonyEnvironment.builder().airGapCheck(AirGapCheck.fixed(List.of()))
                .driveDetector(List::of).build();
        WizardServices services = new WizardServices(env, new DicewareGenerator(new SecureRandom()), OptionalInt.empty());
        PassphrasePage[] page = new PassphrasePage[1];
        WizardWindow[] window = new WizardWindow[1];
        onFx(() -> {
            window[0] = new WizardWindow(services, () -> { });
            WizardContext context = new WizardContext(window[0].wizard(), new Tasks(), services, window[0].driveWatcher());
            CeremonySession session = new CeremonySession(CeremonyKind.BOOTSTRAP, services);
            session.repository = "agent-updates";
            session.operator = "Ada Operator";
            page[0] = new PassphrasePage(context, session, PassphrasePage.Purpose.ROOT);
            Stage stage = new Stage();
            Scene scene = new Scene(new javafx.scene.control.ScrollPane(page[0].content()), 1280, 800);
            scene.getStylesheets().add(WizardApp.stylesheet());
            stage.setScene(scene);
            stage.show();
            page[0].onShow();
            page[0].firstField().requestFocus();
        });
        PasswordField field = page[0].firstField();

        SecureRandom r = new SecureRandom();
        String words = "correct staple battery horse ".repeat(2) + new String(new DicewareGenerator(r).generate().chars());
        StringBuilder random = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            random.append((char) ('!' + r.nextInt(94)));
        }
        System.out.println("# keystroke benchmark: one key every " + INTERVAL_MS + " ms on the passphrase page");
        System.out.println("# java " + System.getProperty("java.version") + ", prism " + System.getProperty("prism.order", "default")
                + ", glass " + System.getProperty("glass.platform", "default") + ", cores " + Runtime.getRuntime().availableProcessors());
        run("warm-up (not counted)", field, new String(new DicewareGenerator(r).generate().chars()).repeat(3), false);
        run("words (" + words.length() + " chars)", field, words, true);
        run("random printable (" + random.length() + " chars)", field, random.toString(), true);
        onFx(() -> {
            page[0].shutdown();
            window[0].close();
        });
        Platform.exit();
        System.exit(0);
    }

    private static void run(String name, PasswordField field, String text, boolean report) throws Exception {
        onFx(field::clear);
        Thread.sleep(300);
        long[] handling = new long[text.length()];
        long[] latency = new long[text.length()];
        CountDownLatch done = new CountDownLatch(text.length());
        long start = System.nanoTime();
        for (int i = 0; i < text.length(); i++) {
            long due = start + i * INTERVAL_MS * 1_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            }
            int k = i;
            String ch = String.valueOf(text.charAt(i));
            Platform.runLater(() -> {
                long t0 = System.nanoTime();
                Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.UNDEFINED, false, false, false, false));
                Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_TYPED, ch, "", KeyCode.UNDEFINED, false, false, false, false));
                Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.UNDEFINED, false, false, false, false));
                long t1 = System.nanoTime();
                handling[k] = t1 - t0;
                latency[k] = t1 - due;
                done.countDown();
            });
        }
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("keystrokes not handled");
        }
        Thread.sleep(500);
        int typed = onFxGet(field::getLength);
        if (!report) {
            return;
        }
        System.out.printf(Locale.ROOT, "%-32s typed %4d/%4d  FX handling p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms | input latency p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
                name, typed, text.length(), pct(handling, 50), pct(handling, 99), pct(handling, 100),
                pct(latency, 50), pct(latency, 99), pct(latency, 100));
    }

    private static double pct(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1);
        return s[Math.max(0, i)] / 1e6;
    }

    private static void onFx(Runnable r) throws Exception {
        CountDownLatch l = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                l.countDown();
            }
        });
        l.await();
    }

    private static <T> T onFxGet(java.util.concurrent.Callable<T> c) throws Exception {
        List<T> out = new ArrayList<>();
        onFx(() -> {
            try {
                out.add(c.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return out.get(0);
    }
}
