package dev.tufceremony.tuf;

import java.util.List;
import java.util.Map;

/**
 * Which of a role's keys signed a metadata file (cf. python-tuf VerificationResult). Only unique
 * keyids that belong to the role and whose signature verifies count toward the threshold.
 *
 * @param role     role name, e.g. "root"
 * @param threshold how many valid signatures the role requires
 * @param signed   role keyids with a valid signature
 * @param rejected role keyids whose signature is present but not accepted, with the reason
 * @param unsigned role keyids with no signature at all
 */
public record ThresholdResult(String role, int threshold, List<String> signed, Map<String, String> rejected, List<String> unsigned) {
    public ThresholdResult {
        signed = List.copyOf(signed);
        rejected = Map.copyOf(rejected);
        unsigned = List.copyOf(unsigned);
    }

    public boolean met() {
        return signed.size() >= threshold;
    }

    /** Valid signatures still needed to reach the threshold (0 when met). */
    public int missing() {
        return Math.max(0, threshold - signed.size());
    }

    /** Role keys that could still add a valid signature. */
    public List<String> notYetSigned() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>(unsigned);
        out.addAll(new java.util.TreeSet<>(rejected.keySet()));
        return out;
    }
}
