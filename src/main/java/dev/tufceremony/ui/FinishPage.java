package dev.tufceremony.ui;

import dev.tufceremony.ceremony.DriveCheckResult;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Scale;

/** The record for the witnesses: keys, hashes of every file written, drives, transcript; and Print. */
final class FinishPage extends WizardPage {
    private final CeremonySession session;
    private final VBox box = new VBox(14);
    private final Button print = new Button(Messages.get("finish.print"));
    private final Label printStatus = Ui.text("");

    FinishPage(CeremonySession session) {
        this.session = session;
        backAllowed.set(false);
    }

    @Override
    String id() {
        return "finish";
    }

    @Override
    String title() {
        return Messages.get("finish.title");
    }

    @Override
    protected Node build() {
        print.setId("print");
        print.setMnemonicParsing(true);
        print.setOnAction(e -> print());
        printStatus.setId("print-status");
        return box;
    }

    @Override
    void onShow() {
        box.getChildren().setAll(Ui.status(Messages.get("finish.done"), true), Ui.text(Messages.get("finish.help")));
        if (!session.checks.isEmpty()) {
            VBox checks = new VBox(6);
            checks.setId("report-checks");
            for (DriveCheckResult r : session.checks) {
                checks.getChildren().add(Ui.status((r.ok() ? "✔ " : "✘ ") + r.drive() + ": " + r.message(), r.ok()));
            }
            box.getChildren().addAll(Ui.heading(Messages.get("finish.checks")), checks);
        }
        if (session.report != null) {
            box.getChildren().add(ReportView.of(session.report));
        }
        box.getChildren().addAll(print, printStatus);
    }

    /** Prints a fresh copy of the record, scaled down to fit the page if needed. */
    private void print() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            printStatus.setText(Messages.get("finish.noPrinter"));
            return;
        }
        if (!job.showPrintDialog(box.getScene().getWindow())) {
            job.cancelJob();
            return;
        }
        VBox paper = ReportView.of(session.report);
        paper.getStyleClass().add("paper");
        paper.getStylesheets().add(WizardApp.stylesheet());
        PageLayout layout = job.getJobSettings().getPageLayout();
        paper.applyCss();
        paper.layout();
        double w = paper.prefWidth(-1);
        double h = paper.prefHeight(w);
        double scale = Math.min(1, Math.min(layout.getPrintableWidth() / w, layout.getPrintableHeight() / h));
        paper.getTransforms().add(new Scale(scale, scale));
        boolean ok = job.printPage(paper) && job.endJob();
        printStatus.setText(Messages.get(ok ? "finish.printed" : "finish.printFailed"));
    }

    @Override
    Node initialFocus() {
        return print;
    }
}
