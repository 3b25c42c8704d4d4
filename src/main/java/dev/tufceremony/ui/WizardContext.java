package dev.tufceremony.ui;

/** What every page may use: the frame (to move on), the background runner and the services. */
record WizardContext(Wizard wizard, Tasks tasks, WizardServices services, DriveWatcher driveWatcher) {
}
