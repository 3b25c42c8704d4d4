package dev.tufceremony.ceremony;

/** The three ceremonies (DESIGN §1); the slug names transcript files. */
public enum CeremonyKind {
    BOOTSTRAP("bootstrap"),
    ROTATION("rotation"),
    BACKUP_CHECK("backup-check");

    private final String slug;

    CeremonyKind(String slug) {
        this.slug = slug;
    }

    /** As used in {@code <UTC date>-<slug>.transcript.txt}. */
    public String slug() {
        return slug;
    }
}
