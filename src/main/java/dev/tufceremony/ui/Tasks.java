package dev.tufceremony.ui;

import dev.tufceremony.CeremonyError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs the blocking ceremony calls (key generation, scrypt, writes, read-back) off the FX thread and
 * hands results, progress and errors back to it. javafx.concurrent.Task coalesces progress updates, so
 * a chatty ceremony cannot flood the FX thread.
 *
 * <p>Each ceremony's work runs in a {@link Scope}. When the operator stops the ceremony the scope
 * ends: a call still running cannot be stopped safely in the middle (it may be using a key), so it
 * is asked to stop at its next progress report, and whatever it returns later is discarded — closed,
 * which wipes it, if it holds secrets — instead of reaching the pages of the ended ceremony.
 */
final class Tasks {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ceremony-work-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    /** Work outside any ceremony (the Start page's checks); never ends. */
    private Scope current = new Scope();
    private Consumer<Object> discarded = r -> { };

    /** Blocking work that reports progress as (step in words, fraction 0..1 or -1 for unknown). */
    @FunctionalInterface
    interface Work<T> {
        T run(ProgressSink progress) throws Exception;
    }

    @FunctionalInterface
    interface ProgressSink {
        void update(String step, double fraction);
    }

    /** Thrown into the work, at its next progress report, once its ceremony was stopped. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("the ceremony was stopped", null, false, false);
        }
    }

    /** The work of one ceremony. Used on the FX thread only, except {@link #ended} (read by the work). */
    final class Scope {
        private volatile boolean ended;
        private int running;
        private final List<Runnable> whenIdle = new ArrayList<>();

        boolean ended() {
            return ended;
        }

        /**
         * Ends the scope: results that arrive from now on are discarded, and {@code afterIdle} runs on
         * the FX thread once none of its work is running any more (at once if none is) — that is
         * when the ceremony objects the work was using can be closed without racing it.
         */
        void end(Runnable afterIdle) {
            ended = true;
            if (current == this) {
                current = new Scope(); // work started later (e.g. from the Start page) is not discarded
            }
            if (running == 0) {
                afterIdle.run();
            } else {
                whenIdle.add(afterIdle);
            }
        }

        private void finished() {
            running--;
            if (ended && running == 0) {
                List<Runnable> due = List.copyOf(whenIdle);
                whenIdle.clear();
                due.forEach(Runnable::run);
            }
        }
    }

    /** Starts a new scope: the work started from now on belongs to it (until the next one starts). */
    Scope beginScope() {
        current = new Scope();
        return current;
    }

    /**
     * Starts {@code work} in the current scope; exactly one of the callbacks runs later, on the FX
     * thread — unless the scope ended first: then neither runs, and a result that is
     * {@link AutoCloseable} is closed.
     */
    <T> Task<T> run(Work<T> work, Consumer<T> onSuccess, Consumer<String> onError) {
        Scope scope = current;
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.run((step, fraction) -> {
                    if (scope.ended) {
                        throw new Stopped();
                    }
                    updateMessage(step);
                    updateProgress(fraction < 0 ? -1 : fraction, 1);
                });
            }
        };
        task.setOnSucceeded(e -> {
            T value = task.getValue();
            if (scope.ended) {
                discard(value);
                scope.finished();
            } else {
                scope.finished();
                onSuccess.accept(value);
            }
        });
        task.setOnFailed(e -> {
            scope.finished();
            if (!scope.ended) {
                onError.accept(operatorMessage(task.getException()));
            }
        });
        task.setOnCancelled(e -> scope.finished());
        scope.running++;
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) { // the window is closing
            scope.finished();
            throw e;
        }
        return task;
    }

    private void discard(Object result) {
        if (result instanceof AutoCloseable secret) {
            try {
                secret.close();
            } catch (Exception e) {
                // Closing only wipes memory; nothing to tell an operator whose ceremony has ended.
            }
        }
        discarded.accept(result);
    }

    /** Tests watch what a stopped ceremony's late results were (after they were closed). */
    void onDiscarded(Consumer<Object> observer) {
        this.discarded = observer;
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
