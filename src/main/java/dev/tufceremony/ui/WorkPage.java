package dev.tufceremony.ui;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/**
 * Runs one blocking ceremony call (prepare, or write + read back) with a progress bar and the
 * current step in words. On success the wizard moves on by itself; on failure the page shows the
 * ceremony's sentence (what failed and what to do) and offers Try again, or Back to change a choice.
 */
final class WorkPage<T> extends WizardPage {
    private final WizardContext context;
    private final String id;
    private final String titleKey;
    private final String introKey;
    private final Tasks.Work<T> work;
    private final Consumer<T> onSuccess;
    private final boolean backWhileIdle;
    private final ProgressBar bar = new ProgressBar(-1);
    private final Label step = Ui.styled("", "current-step");
    private final Label error = Ui.error("work-error");
    private final Label next = Ui.styled("", "choice-help");
    private final Button retry = new Button(Messages.get("work.retry"));
    private boolean done;
    private boolean running;

    /**
     * @param backWhileIdle whether Back is allowed after a failure (false once writing has begun:
     *                      nothing earlier can be changed then)
     */
    WorkPage(WizardContext context, String id, String titleKey, String introKey, Tasks.Work<T> work,
            Consumer<T> onSuccess, boolean backWhileIdle) {
        this.context = context;
        this.id = id;
        this.titleKey = titleKey;
        this.introKey = introKey;
        this.work = work;
        this.onSuccess = onSuccess;
        this.backWhileIdle = backWhileIdle;
    }

    @Override
    String id() {
        return id;
    }

    @Override
    String title() {
        return Messages.get(titleKey);
    }

    @Override
    protected Node build() {
        bar.setId("work-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        step.setId("work-step");
        next.setId("work-next-step");
        next.managedProperty().bind(next.visibleProperty());
        next.visibleProperty().bind(error.visibleProperty());
        retry.setId("retry");
        retry.setMnemonicParsing(true);
        retry.managedProperty().bind(retry.visibleProperty());
        retry.visibleProperty().bind(error.visibleProperty());
        retry.setOnAction(e -> start());
        valid.set(false);
        HBox actions = new HBox(12, retry);
        actions.setAlignment(Pos.CENTER_LEFT);
        return Ui.column(Ui.text(Messages.get(introKey)), bar, step, error, next, actions);
    }

    @Override
    void onShow() {
        done = false;
        start();
    }

    @Override
    boolean skipWhenGoingBack() {
        return true;
    }

    @Override
    Node initialFocus() {
        return retry.isVisible() ? retry : null;
    }

    private void start() {
        if (running) {
            return;
        }
        running = true;
        backAllowed.set(false);
        error.setText("");
        step.setText(Messages.get("work.starting"));
        var task = context.tasks().run(work, result -> {
            running = false;
            done = true;
            onSuccess.accept(result);
            if (context.wizard().current() == this) {
                context.wizard().advance();
            }
        }, message -> {
            running = false;
            bar.progressProperty().unbind();
            bar.setProgress(0);
            step.textProperty().unbind();
            step.setText(Messages.get("work.failed"));
            error.setText(message);
            next.setText(Messages.get(backWhileIdle ? "work.whatNext" : "work.whatNext.noBack"));
            backAllowed.set(backWhileIdle);
            retry.requestFocus();
        });
        bar.progressProperty().bind(task.progressProperty());
        step.textProperty().bind(task.messageProperty());
    }

    boolean isDone() {
        return done;
    }
}
