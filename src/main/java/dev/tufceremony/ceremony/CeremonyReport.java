package dev.tufceremony.ceremony;

import java.nio.file.Path;
import java.util.List;

/**
 * What a finished ceremony did. {@code notes}: what the operator must do next (e.g. the online side
 * must re-sign); {@code deviations}: departures from the rules that the transcript records
 * (plain folders as drives, network interfaces up). {@code transcript} is null when none was written.
 */
public record CeremonyReport(CeremonyKind kind, String repository, List<KeySummary> keys, List<WrittenFile> files,
        List<DriveSummary> drives, Path transcript, List<String> notes, List<String> deviations) {
    public CeremonyReport {
        keys = List.copyOf(keys);
        files = List.copyOf(files);
        drives = List.copyOf(drives);
        notes = List.copyOf(notes);
        deviations = List.copyOf(deviations);
    }
}
