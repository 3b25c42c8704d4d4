package dev.tufceremony.ui;

import javafx.scene.Node;

/**
 * A page that asks for a drive: its live drive list starts rescanning when the page is shown and
 * takes the keyboard focus.
 */
abstract class DrivePickerPage extends WizardPage {
    protected final WizardContext context;
    protected final CeremonySession session;
    protected DrivePicker picker;

    DrivePickerPage(WizardContext context, CeremonySession session) {
        this.context = context;
        this.session = session;
    }

    /** Called from {@link #build()}: the page's live drive list. */
    protected final DrivePicker createPicker() {
        picker = new DrivePicker(context.driveWatcher(), "drives");
        return picker;
    }

    @Override
    void onShow() {
        context.driveWatcher().start();
        context.driveWatcher().scan();
    }

    @Override
    Node initialFocus() {
        return picker.table();
    }
}
