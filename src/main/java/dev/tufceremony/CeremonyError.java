package dev.tufceremony;

/**
 * A failure the operator can act on. The message is one sentence naming the file (or drive) and the
 * rule that failed, and what to do next; it never contains secret material. The CLI prints only the
 * message; the stack trace appears with --debug.
 */
public class CeremonyError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CeremonyError(String message) {
        super(message);
    }

    public CeremonyError(String message, Throwable cause) {
        super(message, cause);
    }
}
