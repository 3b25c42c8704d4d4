package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import java.util.regex.Pattern;

/** A repository name is a folder name on every medium, so it is kept to a portable alphabet. */
final class RepositoryName {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private RepositoryName() {
    }

    static String check(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new CeremonyError("The repository name '" + name
                    + "' is not usable as a folder name; use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        return name;
    }
}
