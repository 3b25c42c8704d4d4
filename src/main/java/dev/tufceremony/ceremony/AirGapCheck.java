package dev.tufceremony.ceremony;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Looks for network interfaces that are up and not loopback. The ceremony machine should have none;
 * if it has, the transcript records a loud warning, and {@code --require-air-gap} refuses to start.
 */
public final class AirGapCheck {
    private final Supplier<List<String>> upInterfaces;

    private AirGapCheck(Supplier<List<String>> upInterfaces) {
        this.upInterfaces = upInterfaces;
    }

    /** The real check over {@link NetworkInterface}. */
    public static AirGapCheck system() {
        return new AirGapCheck(AirGapCheck::systemUpInterfaces);
    }

    /** A check that always reports these interfaces as up (none: air-gapped); for tests and demos. */
    public static AirGapCheck fixed(List<String> upInterfaces) {
        List<String> copy = List.copyOf(upInterfaces);
        return new AirGapCheck(() -> copy);
    }

    public AirGapStatus check() {
        List<String> up = upInterfaces.get();
        return new AirGapStatus(up.isEmpty(), up);
    }

    private static List<String> systemUpInterfaces() {
        List<String> up = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nif.isUp() && !nif.isLoopback()) {
                    up.add(nif.getName());
                }
            }
        } catch (SocketException e) {
            // Unable to enumerate: report it as up rather than claim an air gap we could not see.
            up.add("unknown (interfaces could not be listed: " + e.getMessage() + ")");
        }
        Collections.sort(up);
        return up;
    }
}
