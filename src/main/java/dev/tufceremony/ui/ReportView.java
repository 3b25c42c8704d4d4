package dev.tufceremony.ui;

import dev.tufceremony.ceremony.CeremonyReport;
import dev.tufceremony.ceremony.DriveSummary;
import dev.tufceremony.ceremony.KeySummary;
import dev.tufceremony.ceremony.WrittenFile;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Everything the witnesses must record, laid out for the screen and for paper alike. */
final class ReportView {
    private ReportView() {
    }

    static VBox of(CeremonyReport report) {
        VBox box = new VBox(12);
        box.setId("report");
        box.getChildren().add(Ui.styled(Messages.format("finish.summary",
                Messages.get("ceremony.name." + report.kind().slug()), report.repository()), "root-header"));

        if (!report.keys().isEmpty()) {
            GridPane keys = Ui.grid();
            keys.setId("report-keys");
            int row = 0;
            for (KeySummary k : report.keys()) {
                keys.add(Ui.styled(k.role(), "field-label"), 0, row);
                keys.add(Ui.styled(k.fingerprint(), "mono", "fingerprint"), 1, row);
                keys.add(Ui.text(k.keytype()), 2, row++);
                keys.add(Ui.styled(k.keyid(), "mono", "keyid"), 1, row++, 2, 1);
            }
            box.getChildren().addAll(Ui.heading(Messages.get("finish.keys")), keys);
        }
        if (!report.files().isEmpty()) {
            GridPane files = Ui.grid();
            files.setId("report-files");
            int row = 0;
            for (WrittenFile f : report.files()) {
                files.add(Ui.styled(f.medium(), "field-label"), 0, row);
                files.add(Ui.styled(f.path() + "  (" + Ui.bytes(f.size()) + ")", "file-path"), 1, row++);
                files.add(Ui.styled(Ui.groups(f.sha256()), "mono", "sha256"), 1, row++);
            }
            box.getChildren().addAll(Ui.heading(Messages.get("finish.files")), files);
        }
        if (!report.drives().isEmpty()) {
            GridPane drives = Ui.grid();
            drives.setId("report-drives");
            int row = 0;
            for (DriveSummary d : report.drives()) {
                drives.add(Ui.styled(d.medium(), "field-label"), 0, row);
                drives.add(Ui.text(Messages.format("finish.drive", d.label(),
                        d.serial() == null ? Messages.get("drive.unknown") : d.serial(), d.mountPath())), 1, row++);
            }
            box.getChildren().addAll(Ui.heading(Messages.get("finish.drives")), drives);
        }
        box.getChildren().addAll(Ui.heading(Messages.get("finish.transcript")),
                Ui.styled(report.transcript() == null ? Messages.get("finish.noTranscript") : report.transcript().toString(),
                        "file-path"));
        if (!report.notes().isEmpty()) {
            VBox notes = new VBox(4);
            notes.setId("report-notes");
            report.notes().forEach(n -> notes.getChildren().add(Ui.text("• " + n)));
            box.getChildren().addAll(Ui.heading(Messages.get("finish.notes")), notes);
        }
        if (!report.deviations().isEmpty()) {
            VBox dev = new VBox(4);
            dev.setId("report-deviations");
            dev.getStyleClass().add("warning-box");
            report.deviations().forEach(n -> dev.getChildren().add(Ui.text("• " + n)));
            box.getChildren().addAll(Ui.heading(Messages.get("finish.deviations")), dev);
        }
        return box;
    }
}
