package dev.tufceremony.tuf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects the checks made on one file and builds its {@link FileReport}. */
final class FileCheck {
    private final String file;
    private final List<Failure> failures = new ArrayList<>();
    private final List<ThresholdResult> thresholds = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    FileCheck(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    FileCheck fail(String section, String message) {
        failures.add(new Failure(file, section, message));
        return this;
    }

    FileCheck detail(String text) {
        details.add(text);
        return this;
    }

    boolean failed() {
        return !failures.isEmpty();
    }

    /** Records a threshold; a failure names how many signatures are present and which keys are missing. */
    boolean threshold(String section, String what, String label, ThresholdResult r) {
        thresholds.add(r);
        if (r.met()) {
            details.add(r.signed().size() + "/" + r.threshold() + " " + label + " signatures");
            return true;
        }
        StringBuilder sb = new StringBuilder("threshold of " + what + " not met: " + r.signed().size() + " of "
                + r.threshold() + " required signatures");
        List<String> parts = new ArrayList<>();
        if (!r.unsigned().isEmpty()) {
            parts.add("missing: " + String.join(", ", r.unsigned()));
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(r.rejected()).entrySet()) {
            parts.add("rejected " + e.getKey() + ": " + e.getValue());
        }
        if (!parts.isEmpty()) {
            sb.append(" (").append(String.join("; ", parts)).append(")");
        }
        fail(section, sb.toString());
        return false;
    }

    /** Spec §4.2: a keyid is the SHA-256 of the key object; one that is not is refused. */
    void keyids(Map<String, Key> keys, String where) {
        for (Map.Entry<String, Key> e : keys.entrySet()) {
            String computed;
            try {
                computed = e.getValue().keyId();
            } catch (RuntimeException ex) {
                fail("§4.2", "key " + e.getKey() + " in " + where + " cannot be hashed: " + ex.getMessage());
                continue;
            }
            if (!computed.equals(e.getKey())) {
                fail("§4.2", "keyid " + e.getKey() + " in " + where + " is not the SHA-256 of its key object (that is "
                        + computed + "); legacy keyids are not accepted");
            }
        }
    }

    FileReport build() {
        if (!failures.isEmpty()) {
            return new FileReport(file, FileReport.Status.FAIL, "", failures, thresholds);
        }
        return new FileReport(file, FileReport.Status.OK, String.join(", ", details), List.of(), thresholds);
    }
}
