package dev.tufceremony.ui;

import dev.tufceremony.media.Drive;
import dev.tufceremony.secret.Passphrase;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;

/** Rotation: insert the old backup drive and unlock the current root key with its passphrase. */
final class UnlockPage extends DrivePickerPage {
    private final PasswordField passphrase = SecretFields.create("old-passphrase");
    private final Label error = Ui.error("unlock-error");
    private final ProgressIndicator busy = new ProgressIndicator();

    UnlockPage(WizardContext context, CeremonySession session) {
        super(context, session);
    }

    @Override
    String id() {
        return "unlock";
    }

    @Override
    String title() {
        return Messages.get("unlock.title");
    }

    @Override
    protected Node build() {
        createPicker();
        busy.setVisible(false);
        busy.setMaxSize(48, 48);
        GridPane form = Ui.grid();
        form.add(Ui.labelFor(Messages.get("unlock.passphrase"), passphrase), 0, 0);
        form.add(passphrase, 1, 0);
        passphrase.setPrefColumnCount(40);
        passphrase.textProperty().addListener((InvalidationListener) o -> error.setText(""));
        valid.bind(Bindings.createBooleanBinding(() -> picker.chosen().get() != null && passphrase.getLength() > 0,
                picker.chosen(), passphrase.lengthProperty()));
        return Ui.column(Ui.text(Messages.get("unlock.help")), picker.node(), form, busy, error);
    }

    @Override
    void commit(Runnable proceed) {
        Drive drive = picker.chosen().get();
        Passphrase p = Passphrase.wrap(SecretFields.copyChars(passphrase));
        passphrase.clear();
        busy.setVisible(true);
        context.tasks().run(progress -> {
            try {
                return session.rotation.unlock(drive.mountPath(), p);
            } finally {
                p.destroy();
            }
        }, key -> {
            busy.setVisible(false);
            session.unlockedKey = key;
            session.drives.put(DriveRole.OLD_BACKUP, drive);
            proceed.run();
        }, message -> {
            busy.setVisible(false);
            error.setText(message);
            context.wizard().commitFailed();
            passphrase.requestFocus();
        });
    }

    @Override
    void onLeave() {
        passphrase.clear();
    }
}
