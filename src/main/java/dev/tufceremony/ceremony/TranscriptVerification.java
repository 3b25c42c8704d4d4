package dev.tufceremony.ceremony;

import java.util.List;

/**
 * The result of checking a transcript: the hash chain over its lines and the detached signature.
 * {@code signedBy}: keyids of root keys whose signature over the file is valid.
 */
public record TranscriptVerification(int lines, boolean chainIntact, boolean signatureValid, List<String> signedBy,
        List<String> problems) {
    public TranscriptVerification {
        signedBy = List.copyOf(signedBy);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return chainIntact && signatureValid && problems.isEmpty();
    }
}
