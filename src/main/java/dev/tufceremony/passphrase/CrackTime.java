package dev.tufceremony.passphrase;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Crack time as a number with its unit, e.g. "1,482,947,715,526,880,400 centuries". zxcvbn4j's own
 * display stops at the word "centuries", which hides the difference between 10^11 and 10^40 guesses.
 */
public final class CrackTime {

    /** zxcvbn's "offline, slow hash" scenario (a KDF-protected file): 10^4 guesses per second. */
    public static final double GUESSES_PER_SECOND = 1e4;

    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long YEAR = 31_557_600; // Julian year, 365.25 days
    private static final long CENTURY = 100 * YEAR;

    private CrackTime() {
    }

    /** Formats the time to try {@code 10^log10Guesses} guesses at {@link #GUESSES_PER_SECOND}. */
    public static String format(double log10Guesses) {
        BigDecimal seconds = pow10(log10Guesses - Math.log10(GUESSES_PER_SECOND));
        if (seconds.compareTo(BigDecimal.ONE) < 0) {
            return "less than a second";
        }
        String unit;
        long per;
        if (seconds.compareTo(BigDecimal.valueOf(MINUTE)) < 0) {
            unit = "second";
            per = 1;
        } else if (seconds.compareTo(BigDecimal.valueOf(HOUR)) < 0) {
            unit = "minute";
            per = MINUTE;
        } else if (seconds.compareTo(BigDecimal.valueOf(DAY)) < 0) {
            unit = "hour";
            per = HOUR;
        } else if (seconds.compareTo(BigDecimal.valueOf(YEAR)) < 0) {
            unit = "day";
            per = DAY;
        } else if (seconds.compareTo(BigDecimal.valueOf(CENTURY)) < 0) {
            unit = "year";
            per = YEAR;
        } else {
            unit = "century";
            per = CENTURY;
        }
        BigInteger count = seconds.divide(BigDecimal.valueOf(per), 0, RoundingMode.FLOOR).toBigInteger();
        String number = NumberFormat.getIntegerInstance(Locale.ROOT).format(count);
        String units = count.equals(BigInteger.ONE) ? unit : ("century".equals(unit) ? "centuries" : unit + "s");
        return number + " " + units;
    }

    /** 10^x: exact in the exponent, 12 significant digits in the mantissa. */
    static BigDecimal pow10(double x) {
        double whole = Math.floor(x);
        double mantissa = Math.pow(10, x - whole);
        // 12 significant digits: log10 round trips lose the last few bits, and 58.99999999999 is 59.
        return new BigDecimal(mantissa).round(new MathContext(12)).scaleByPowerOfTen((int) whole);
    }
}
