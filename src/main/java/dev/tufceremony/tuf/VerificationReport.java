package dev.tufceremony.tuf;

import java.util.ArrayList;
import java.util.List;

/** The result of verifying a repository folder the way a client would: one entry per file. */
public final class VerificationReport {
    private final List<FileReport> files;

    public VerificationReport(List<FileReport> files) {
        this.files = List.copyOf(files);
    }

    public List<FileReport> files() {
        return files;
    }

    /** True only when at least one file was checked and every file verified. */
    public boolean ok() {
        return !files.isEmpty() && files.stream().allMatch(FileReport::ok);
    }

    public List<Failure> failures() {
        return files.stream().flatMap(f -> f.failures().stream()).toList();
    }

    public java.util.Optional<FileReport> file(String name) {
        return files.stream().filter(f -> f.file().equals(name)).findFirst();
    }

    /** The per-file report, then a summary line. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        files.forEach(f -> out.addAll(f.lines()));
        if (ok()) {
            out.add("verified: all " + files.size() + " files pass");
        } else {
            long failed = files.stream().filter(f -> f.status() == FileReport.Status.FAIL).count();
            long skipped = files.stream().filter(f -> f.status() == FileReport.Status.SKIP).count();
            out.add("NOT VERIFIED: " + failures().size() + " problem(s) in " + failed + " file(s)"
                    + (skipped > 0 ? ", " + skipped + " file(s) not checked" : ""));
        }
        return out;
    }
}
