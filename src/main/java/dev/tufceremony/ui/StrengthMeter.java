package dev.tufceremony.ui;

import dev.tufceremony.passphrase.PassphraseGate;
import dev.tufceremony.passphrase.PassphraseRating;
import dev.tufceremony.secret.Passphrase;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Rates the passphrase as the operator types without ever making typing wait: each keystroke only
 * copies the characters and hands them to one background thread. Only the newest text is rated
 * (texts typed meanwhile are wiped unrated), and a result that arrives after newer typing is dropped.
 */
final class StrengthMeter {
    private record Job(long sequence, char[] chars) {
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "passphrase-meter");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Job> pending = new AtomicReference<>();
    private final Supplier<List<String>> userInputs;
    private final BiConsumer<Long, PassphraseRating> onRated;
    private long sequence;

    /** {@code onRated} runs on the FX thread with the sequence number {@link #submit} returned. */
    StrengthMeter(Supplier<List<String>> userInputs, BiConsumer<Long, PassphraseRating> onRated) {
        this.userInputs = userInputs;
        this.onRated = onRated;
    }

    /** FX thread: queue {@code text} (copied) for rating; returns its sequence number. */
    long submit(CharSequence text) {
        char[] copy = new char[text.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = text.charAt(i);
        }
        long seq = ++sequence;
        Job dropped = pending.getAndSet(new Job(seq, copy));
        if (dropped != null) {
            Arrays.fill(dropped.chars, '\0');
        }
        List<String> inputs = userInputs.get();
        worker.execute(() -> rateLatest(inputs));
        return seq;
    }

    /** The sequence number of the newest submitted text. */
    long latest() {
        return sequence;
    }

    private void rateLatest(List<String> inputs) {
        Job job = pending.getAndSet(null);
        if (job == null) {
            return; // an earlier run already took the newest text
        }
        Passphrase p = Passphrase.wrap(job.chars);
        try {
            PassphraseRating rating = PassphraseGate.rate(p, inputs);
            Platform.runLater(() -> onRated.accept(job.sequence, rating));
        } finally {
            p.destroy();
        }
    }

    void shutdown() {
        worker.shutdownNow();
        Job left = pending.getAndSet(null);
        if (left != null) {
            Arrays.fill(left.chars, '\0');
        }
    }
}
