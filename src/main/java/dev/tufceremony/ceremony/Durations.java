package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expiry as the operator writes it: {@code 365d}, {@code 12h}, {@code 8w}, an ISO-8601 duration
 * ({@code P90D}), or a UTC date or instant ({@code 2027-12-01}, {@code 2027-12-01T00:00:00Z}).
 */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*([wdhm])");

    private Durations() {
    }

    /** A date or instant stays exact ({@link Expiry.At}); a duration counts from the ceremony time ({@link Expiry.After}). */
    public static Expiry parseExpiry(String text, Clock clock) {
        String s = text == null ? "" : text.strip();
        Matcher m = SHORT.matcher(s.toLowerCase(java.util.Locale.ROOT));
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            };
        } else if (s.startsWith("P") || s.startsWith("p")) {
            try {
                d = Duration.parse(s.toUpperCase(java.util.Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(s);
            }
        } else {
            Instant at = parseInstant(s);
            requireFuture(s, Duration.between(clock.instant(), at));
            return new Expiry.At(at);
        }
        requireFuture(s, d);
        return new Expiry.After(d);
    }

    /** The expiry as a duration from now (a date becomes the time left until it). */
    public static Duration parse(String text, Clock clock) {
        Expiry e = parseExpiry(text, clock);
        return e instanceof Expiry.At at ? Duration.between(clock.instant(), at.instant()) : ((Expiry.After) e).duration();
    }

    private static void requireFuture(String s, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new CeremonyError("The expiry '" + s + "' is not in the future; give a later date or a duration such as 365d.");
        }
    }

    private static Instant parseInstant(String s) {
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw invalid(s);
        }
    }

    private static CeremonyError invalid(String s) {
        return new CeremonyError("The expiry '" + s
                + "' is not understood; write a duration such as 365d, 12h or 8w, or a UTC date such as 2027-12-01.");
    }
}
