package dev.tufceremony.tuf;

import dev.tufceremony.CeremonyError;

/**
 * A metadata file that is not well-formed TUF metadata: not JSON, a field of the wrong type, a
 * missing or invalid field, or too large. The message names the file and the JSON path of the field.
 */
public class MetadataFormatException extends CeremonyError {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String jsonPath;
    private final String problem;

    public MetadataFormatException(String file, String jsonPath, String problem) {
        super(file + ": " + (jsonPath.isEmpty() ? "" : jsonPath + " ") + problem);
        this.file = file;
        this.jsonPath = jsonPath;
        this.problem = (jsonPath.isEmpty() ? "" : jsonPath + " ") + problem;
    }

    /** The message without the file name: JSON path and what is wrong. */
    public String problem() {
        return problem;
    }

    /** The file (as given by the caller) that failed to parse. */
    public String file() {
        return file;
    }

    /** JSON path of the offending field, e.g. {@code $.signed.roles.root.threshold}; empty for the whole file. */
    public String jsonPath() {
        return jsonPath;
    }
}
