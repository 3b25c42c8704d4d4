package dev.tufceremony.ui;

import dev.tufceremony.ceremony.BackupCheck;
import dev.tufceremony.ceremony.CeremonyKind;
import dev.tufceremony.ceremony.RootSummary;
import dev.tufceremony.ceremony.Rotation;
import dev.tufceremony.media.Drive;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * Rotation and backup check start here: the medium that holds the published repository, and the
 * repository's name on it. Next loads and verifies the whole root chain like a client.
 */
final class RepositoryPage extends DrivePickerPage {
    final TextField name = new TextField();
    private final Label error = Ui.error("repository-error");
    private final ProgressIndicator busy = new ProgressIndicator();

    RepositoryPage(WizardContext context, CeremonySession session) {
        super(context, session);
    }

    @Override
    String id() {
        return "repository";
    }

    @Override
    String title() {
        return Messages.get("repository.title");
    }

    @Override
    protected Node build() {
        createPicker();
        name.setId("repository-name");
        busy.setVisible(false);
        busy.setMaxSize(48, 48);
        GridPane form = Ui.grid();
        form.add(Ui.labelFor(Messages.get("repository.name"), name), 0, 0);
        form.add(name, 1, 0);
        valid.bind(Bindings.createBooleanBinding(() -> picker.chosen().get() != null && !name.getText().isBlank(),
                picker.chosen(), name.textProperty()));
        return Ui.column(Ui.text(Messages.get("repository.help")), picker.node(), form, busy, error);
    }

    @Override
    void commit(Runnable proceed) {
        Drive drive = picker.chosen().get();
        String repo = name.getText().strip();
        Path dir = drive.mountPath().resolve(repo);
        error.setText("");
        busy.setVisible(true);
        if (session.rotation != null) {
            session.rotation.close();
            session.rotation = null;
        }
        if (session.backupCheck != null) {
            session.backupCheck.close();
            session.backupCheck = null;
        }
        var env = context.services().environment();
        context.tasks().run(p -> session.kind == CeremonyKind.ROTATION
                ? Rotation.open(dir, env) : BackupCheck.open(dir, env), opened -> {
                    busy.setVisible(false);
                    RootSummary current;
                    if (opened instanceof Rotation r) {
                        session.rotation = r;
                        current = r.currentRoot();
                        session.repository = r.repository();
                    } else {
                        BackupCheck c = (BackupCheck) opened;
                        session.backupCheck = c;
                        current = c.currentRoot();
                        session.repository = c.repository();
                    }
                    session.currentRoot = current;
                    session.drives.put(DriveRole.REPOSITORY, drive);
                    proceed.run();
                }, message -> {
                    busy.setVisible(false);
                    error.setText(message);
                    context.wizard().commitFailed();
                });
    }
}
