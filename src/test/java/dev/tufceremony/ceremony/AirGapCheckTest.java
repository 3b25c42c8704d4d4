package dev.tufceremony.ceremony;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.NetworkInterface;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AirGapCheckTest {
    @Test
    void upInterfacesMeanNotAirGapped() {
        AirGapStatus s = AirGapCheck.fixed(List.of("eth0", "wlan0")).check();
        assertThat(s.airGapped()).isFalse();
        assertThat(s.describe()).contains("NOT air-gapped", "eth0", "wlan0");
        assertThat(AirGapCheck.fixed(List.of()).check().airGapped()).isTrue();
    }

    @Test
    void systemCheckNeverListsLoopbackAndListsEveryOtherUpInterface() throws Exception {
        AirGapStatus s = AirGapCheck.system().check();
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nif.isLoopback()) {
                assertThat(s.upInterfaces()).doesNotContain(nif.getName());
            } else if (nif.isUp()) {
                assertThat(s.upInterfaces()).contains(nif.getName());
            }
        }
        assertThat(s.airGapped()).isEqualTo(s.upInterfaces().isEmpty());
    }
}
