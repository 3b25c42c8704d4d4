package dev.tufceremony.ui;

import dev.tufceremony.ceremony.DriveCheckResult;
import dev.tufceremony.media.Drive;
import dev.tufceremony.secret.Passphrase;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Backup check: for each drive in turn, insert it, type the passphrase, check. Each result is listed
 * (ok, or why not); after two drives the page says whether both copies hold the same key.
 */
final class CheckPage extends DrivePickerPage {
    private final PasswordField passphrase = SecretFields.create("check-passphrase");
    private final Button check = new Button(Messages.get("check.button"));
    private final ProgressBar bar = new ProgressBar(0);
    private final Label step = Ui.styled("", "current-step");
    private final Label error = Ui.error("check-error");
    private final VBox results = new VBox(8);
    private final Label comparison = Ui.text("");
    private final BooleanProperty running = new SimpleBooleanProperty();

    CheckPage(WizardContext context, CeremonySession session) {
        super(context, session);
    }

    @Override
    String id() {
        return "check";
    }

    @Override
    String title() {
        return Messages.get("check.title");
    }

    @Override
    protected Node build() {
        createPicker();
        check.setId("check-drive");
        check.setMnemonicParsing(true);
        check.disableProperty().bind(Bindings.createBooleanBinding(
                () -> picker.chosen().get() == null || passphrase.getLength() == 0 || running.get(),
                picker.chosen(), passphrase.lengthProperty(), running));
        check.setOnAction(e -> checkDrive());
        passphrase.setOnAction(e -> {
            if (!check.isDisabled()) {
                checkDrive();
            }
        });
        passphrase.setPrefColumnCount(40);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.visibleProperty().bind(running);
        bar.managedProperty().bind(running);
        step.managedProperty().bind(step.textProperty().isNotEmpty());
        results.setId("check-results");
        comparison.setId("check-comparison");
        step.setId("check-step");
        GridPane form = Ui.grid();
        form.add(Ui.labelFor(Messages.get("check.passphrase"), passphrase), 0, 0);
        form.add(passphrase, 1, 0);
        form.add(check, 1, 1);
        valid.set(false);
        return Ui.column(Ui.text(Messages.get("check.help")), picker.node(), form, bar, step, error,
                Ui.heading(Messages.get("check.results")), results, comparison);
    }

    private void checkDrive() {
        Drive drive = picker.chosen().get();
        Passphrase p = Passphrase.wrap(SecretFields.copyChars(passphrase));
        passphrase.clear();
        error.setText("");
        running.set(true);
        var task = context.tasks().run(progress -> {
            try {
                return session.backupCheck.check(drive.mountPath(), p, progress::update);
            } finally {
                p.destroy();
            }
        }, result -> {
            running.set(false);
            step.textProperty().unbind();
            step.setText("");
            session.checks.add(result);
            showResult(drive, result);
            valid.set(true);
        }, message -> {
            running.set(false);
            step.textProperty().unbind();
            step.setText("");
            error.setText(message);
        });
        bar.progressProperty().bind(task.progressProperty());
        step.textProperty().bind(task.messageProperty());
    }

    private void showResult(Drive drive, DriveCheckResult r) {
        String text = r.ok()
                ? Messages.format("check.ok", name(drive), r.keyid() == null ? "" : r.keyid())
                : Messages.format("check.bad", name(drive), r.message());
        Label l = Ui.status(text, r.ok());
        l.setId("check-result-" + session.checks.size());
        results.getChildren().add(l);
        Optional<Boolean> agree = session.backupCheck.copiesAgree();
        comparison.getStyleClass().removeAll("status", "status-ok", "status-bad");
        if (agree.isPresent()) {
            comparison.setText(Messages.get(agree.get() ? "check.agree" : "check.disagree"));
            comparison.getStyleClass().addAll("status", agree.get() ? "status-ok" : "status-bad");
        } else {
            comparison.setText(Messages.get("check.one"));
        }
    }

    /** The drive as witnesses see it: label and serial (the message names the file path). */
    private static String name(Drive d) {
        return Messages.format("check.drive", d.label(), DrivePicker.serial(d));
    }

    @Override
    String nextText() {
        return Messages.get("check.finish");
    }

    @Override
    void commit(Runnable proceed) {
        Drive medium = session.drives.get(DriveRole.REPOSITORY);
        cancelAllowed.set(false); // the transcript is being written
        context.tasks().run(p -> session.writing(() -> session.backupCheck.finish(Optional.of(medium.mountPath()))), report -> {
            cancelAllowed.set(true);
            session.report = report;
            proceed.run();
        }, message -> {
            cancelAllowed.set(true);
            error.setText(message);
            context.wizard().commitFailed();
        });
    }

    @Override
    void onLeave() {
        passphrase.clear();
    }
}
