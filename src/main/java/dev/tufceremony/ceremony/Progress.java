package dev.tufceremony.ceremony;

/** Progress of slow ceremony work; called on the working thread. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (step, fraction) -> { };

    /** {@code fraction} in 0..1, or -1 when indeterminate; {@code step} is words for the operator. */
    void update(String step, double fraction);
}
