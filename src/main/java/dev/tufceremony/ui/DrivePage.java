package dev.tufceremony.ui;

import dev.tufceremony.media.Drive;
import dev.tufceremony.media.DriveSelectionException;
import dev.tufceremony.media.DriveTargets;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * "Insert backup drive A" (or B, or the transfer drive): pick one drive from the live list. The
 * same physical device twice is refused here, with the reason, before anything is written.
 */
final class DrivePage extends DrivePickerPage {
    private final DriveRole role;
    private final Label problem = Ui.error("drive-problem");
    private final Label deviation = Ui.styled("", "warning-box");

    DrivePage(WizardContext context, CeremonySession session, DriveRole role) {
        super(context, session);
        this.role = role;
    }

    @Override
    String id() {
        return "drive-" + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    String title() {
        return role.instruction();
    }

    @Override
    protected Node build() {
        createPicker();
        deviation.setId("drive-deviation");
        deviation.managedProperty().bind(deviation.visibleProperty());
        deviation.visibleProperty().bind(deviation.textProperty().isNotEmpty());
        picker.chosen().addListener((obs, old, now) -> check(now));
        valid.set(false);
        return Ui.column(Ui.text(Messages.get(messageKeyHelp())), picker.node(), problem, deviation);
    }

    private String messageKeyHelp() {
        return switch (role) {
            case BACKUP_A, BACKUP_B -> "drive.help.backup";
            case EXPORT -> "drive.help.export";
            default -> "drive.help.other";
        };
    }

    @Override
    void onShow() {
        super.onShow();
        check(picker.chosen().get());
    }

    private void check(Drive drive) {
        String reason = drive == null ? "" : conflict(drive);
        problem.setText(drive == null ? "" : reason);
        deviation.setText(drive != null && !drive.removable() ? Messages.get("drive.notRemovable") : "");
        valid.set(drive != null && reason.isEmpty());
    }

    /** Empty when {@code drive} may take this role; otherwise one sentence naming both drives. */
    private String conflict(Drive drive) {
        for (Map.Entry<DriveRole, Drive> other : session.drives.entrySet()) {
            DriveRole otherRole = other.getKey();
            if (otherRole == role || !mustDiffer(role, otherRole)) {
                continue;
            }
            Drive o = other.getValue();
            if (isBackup(role) && isBackup(otherRole)) {
                try {
                    DriveTargets.requireDistinct(o, drive);
                } catch (DriveSelectionException e) {
                    return e.getMessage();
                }
            } else if (o.device().sameDeviceAs(drive.device())) {
                return Messages.format("drive.sameDevice", drive.describe(), role.displayName(),
                        o.describe(), otherRole.displayName());
            }
        }
        return "";
    }

    private static boolean isBackup(DriveRole r) {
        return r == DriveRole.BACKUP_A || r == DriveRole.BACKUP_B;
    }

    /** The two backups, and either backup vs the medium that leaves the room, must be different devices. */
    private static boolean mustDiffer(DriveRole a, DriveRole b) {
        boolean aWritten = isBackup(a) || a == DriveRole.EXPORT || a == DriveRole.REPOSITORY;
        boolean bWritten = isBackup(b) || b == DriveRole.EXPORT || b == DriveRole.REPOSITORY;
        return aWritten && bWritten && (isBackup(a) || isBackup(b));
    }

    @Override
    void commit(Runnable proceed) {
        session.drives.put(role, picker.chosen().get());
        session.discardPrepared();
        proceed.run();
    }
}
