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
    void pastAndUnreadableExpiriesAreRefused() {
        assertThatThrownBy(() -> Durations.parse("2026-01-01", CLOCK)).isInstanceOf(CeremonyError.class)
                .hasMessageContaining("not in the future");
        assertThatThrownBy(() -> Durations.parse("0d", CLOCK)).isInstanceOf(CeremonyError.class);
        assertThatThrownBy(() -> Durations.parse("a year", CLOCK)).isInstanceOf(CeremonyError.class)
                .hasMessageContaining("365d");
    }
}
