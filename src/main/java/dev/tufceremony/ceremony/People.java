package dev.tufceremony.ceremony;

import java.util.List;
import java.util.Objects;

/** Who ran the ceremony and who watched; recorded in the transcript header. */
public record People(String operator, List<String> witnesses) {
    public People {
        operator = Objects.requireNonNullElse(operator, "").strip();
        witnesses = witnesses == null ? List.of() : witnesses.stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
    }

    public static People of(String operator, String... witnesses) {
        return new People(operator, List.of(witnesses));
    }

    /** The operator when no name was given: the OS user. */
    public static People unnamed() {
        return new People(System.getProperty("user.name", "unknown"), List.of());
    }

    /** Every name, for the passphrase gate's user inputs. */
    public List<String> allNames() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        if (!operator.isEmpty()) {
            all.add(operator);
        }
        all.addAll(witnesses);
        return List.copyOf(all);
    }
}
