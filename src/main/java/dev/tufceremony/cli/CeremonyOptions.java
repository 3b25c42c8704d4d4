package dev.tufceremony.cli;

import dev.tufceremony.ceremony.CeremonyRequest;
import dev.tufceremony.ceremony.People;
import dev.tufceremony.keys.KeyType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options {@code bootstrap} and {@code rotate} share (a picocli mixin): drives, people, key type, work factor, media rules. */
final class CeremonyOptions {
    @Option(names = "--backup", required = true, paramLabel = "DIR",
            description = "A backup drive for the (new) root key; give exactly two, on different devices.")
    List<Path> backups = new ArrayList<>();

    @Option(names = "--key-type", paramLabel = "TYPE", defaultValue = "ed25519", description = "Type of new keys: ed25519 (default), ecdsa or rsa.")
    String keyType;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who runs the ceremony (default: the OS user).")
    String operator;

    @Option(names = "--witness", paramLabel = "NAME", description = "A witness; repeat for each.")
    List<String> witnesses = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    WorkFactorOptions workFactor = new WorkFactorOptions();

    @Option(names = "--allow-non-removable", description = "Accept plain folders as drives (recorded as a deviation).")
    boolean allowNonRemovable;

    @Option(names = "--require-air-gap", description = "Refuse to run while a network interface is up.")
    boolean requireAirGap;

    KeyType keyType() {
        return KeyType.fromCliName(keyType);
    }

    /** Sets the shared fields of a request; call after checking that exactly two backups were given. */
    void applyTo(CeremonyRequest.Builder<?> b) {
        b.people(operator == null ? new People(People.unnamed().operator(), witnesses) : new People(operator, witnesses))
                .keyType(keyType())
                .backupA(backups.get(0))
                .backupB(backups.get(1))
                .allowNonRemovable(allowNonRemovable)
                .requireAirGap(requireAirGap);
        workFactor.apply(b::workFactor, b::workFactorForTestsOnly);
    }
}
