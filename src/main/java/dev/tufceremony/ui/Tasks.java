package dev.tufceremony.ui;

import dev.tufceremony.CeremonyError;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs the blocking ceremony calls (key generation, scrypt, writes, read-back) off the FX thread and
 * hands results, progress and errors back to it. javafx.concurrent.Task coalesces progress updates, so
 * a chatty ceremony cannot flood the FX thread.
 */
final class Tasks {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ceremony-work-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** Blocking work that reports progress as (step in words, fraction 0..1 or -1 for unknown). */
    @FunctionalInterface
    interface Work<T> {
        T run(ProgressSink progress) throws Exception;
    }

    @FunctionalInterface
    interface ProgressSink {
        void update(String step, double fraction);
    }

    /** Starts {@code work}; exactly one of the callbacks runs later, on the FX thread. */
    <T> Task<T> run(Work<T> work, Consumer<T> onSuccess, Consumer<String> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.run((step, fraction) -> {
                    updateMessage(step);
                    updateProgress(fraction < 0 ? -1 : fraction, 1);
                });
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(operatorMessage(task.getException())));
        executor.execute(task);
        return task;
    }

    /**
     * What the operator reads. A CeremonyError already is one sentence with what to do next; anything
     * else is a bug, named as such (no stack trace on screen).
     */
    static String operatorMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CeremonyError) {
                return c.getMessage();
            }
        }
        return Messages.format("error.unexpected", t.getClass().getSimpleName(),
                t.getMessage() == null ? "" : t.getMessage());
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
