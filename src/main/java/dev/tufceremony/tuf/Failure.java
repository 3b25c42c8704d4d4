package dev.tufceremony.tuf;

/**
 * One rule a file broke.
 *
 * @param file    path relative to the repository, e.g. {@code metadata/2.root.json}
 * @param section the specification section of the rule, e.g. {@code §5.3.4}
 * @param message what is wrong, one sentence
 */
public record Failure(String file, String section, String message) {
    /** {@code FAIL metadata/2.root.json  §5.3.4 threshold of root v1 not met: ...}. */
    public String line() {
        return "FAIL " + file + "  " + section + " " + message;
    }
}
