package dev.tufceremony.ceremony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tufceremony.CeremonyError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DurationsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void shortFormsIsoDurationsAndDates() {
        assertThat(Durations.parse("365d", CLOCK)).isEqualTo(Duration.ofDays(365));
        assertThat(Durations.parse("12h", CLOCK)).isEqualTo(Duration.ofHours(12));
        assertThat(Durations.parse("8w", CLOCK)).isEqualTo(Duration.ofDays(56));
        assertThat(Durations.parse("P90D", CLOCK)).isEqualTo(Duration.ofDays(90));
        assertThat(Durations.parse("2026-11-28", CLOCK)).isEqualTo(Duration.ofHours(36));
        assertThat(Durations.parse("2027-11-26T12:00:00Z", CLOCK)).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void aDateStaysAnExactInstantAndADurationCountsFromTheCeremony() {
        assertThat(Durations.parseExpiry("2027-12-01", CLOCK)).isEqualTo(new Expiry.At(Instant.parse("2027-12-01T00:00:00Z")));
        assertThat(Durations.parseExpiry("2027-12-01T08:30:00Z", CLOCK)).isEqualTo(new Expiry.At(Instant.parse("2027-12-01T08:30:00Z")));
        assertThat(Durations.parseExpiry("90d", CLOCK)).isEqualTo(new Expiry.After(Duration.ofDays(90)));
        Instant later = Instant.parse("2026-11-27T09:15:42Z");
        assertThat(Durations.parseExpiry("2027-12-01", CLOCK).from(later)).isEqualTo(Instant.parse("2027-12-01T00:00:00Z"));
        assertThat(Durations.parseExpiry("90d", CLOCK).from(later)).isEqualTo(later.plus(Duration.ofDays(90)));
        assertThatThrownBy(() -> Durations.parseExpiry("2026-11-28", CLOCK).from(Instant.parse("2026-11-28T00:00:00Z")))
                .isInstanceOf(CeremonyError.class).hasMessageContaining("not after the ceremony time");
    }

    @Test
    void pastAndUnreadableExpiriesAreRefused() {
        assertThatThrownBy(() -> Durations.parse("2026-01-01", CLOCK)).isInstanceOf(CeremonyError.class)
                .hasMessageContaining("not in the future");
        assertThatThrownBy(() -> Durations.parse("0d", CLOCK)).isInstanceOf(CeremonyError.class);
        assertThatThrownBy(() -> Durations.parse("a year", CLOCK)).isInstanceOf(CeremonyError.class)
                .hasMessageContaining("365d");
    }
}
