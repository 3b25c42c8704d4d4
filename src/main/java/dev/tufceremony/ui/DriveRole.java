package dev.tufceremony.ui;

/** What a drive is for in this ceremony; each has its own "insert the drive" page. */
enum DriveRole {
    BACKUP_A("drive.backupA"),
    BACKUP_B("drive.backupB"),
    EXPORT("drive.export"),
    REPOSITORY("drive.repository"),
    OLD_BACKUP("drive.oldBackup"),
    CHECK("drive.check");

    private final String messageKey;

    DriveRole(String messageKey) {
        this.messageKey = messageKey;
    }

    /** Short name, e.g. "backup drive A". */
    String displayName() {
        return Messages.get(messageKey);
    }

    String instruction() {
        return Messages.get(messageKey + ".insert");
    }
}
