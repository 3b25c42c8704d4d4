package dev.tufceremony.ceremony;

import java.util.List;

/** Whether any non-loopback network interface is up; {@code upInterfaces} names them. */
public record AirGapStatus(boolean airGapped, List<String> upInterfaces) {
    public AirGapStatus {
        upInterfaces = List.copyOf(upInterfaces);
    }

    /** One line for the transcript header and the start page. */
    public String describe() {
        return airGapped ? "air-gapped (no non-loopback network interface is up)"
                : "NOT air-gapped: network interface(s) up: " + String.join(", ", upInterfaces);
    }
}
