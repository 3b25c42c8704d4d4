package dev.tufceremony.ui;

import dev.tufceremony.ceremony.AirGapCheck;
import dev.tufceremony.ceremony.CeremonyEnvironment;
import dev.tufceremony.media.DriveDetector;
import dev.tufceremony.passphrase.DicewareGenerator;
import java.security.SecureRandom;
import java.util.List;
import java.util.OptionalInt;

/** Wizard services for tests: given drives, a fixed air-gap answer, and a test-only cheap KDF. */
final class TestServices {
    /** scrypt logN for tests only (the ceremony marks it as a test work factor). */
    static final int TEST_WORK_FACTOR = 10;

    private TestServices() {
    }

    static WizardServices with(DriveDetector drives, List<String> upInterfaces) {
        CeremonyEnvironment env = CeremonyEnvironment.builder()
                .airGapCheck(AirGapCheck.fixed(upInterfaces))
                .build();
        return new WizardServices(env, drives, new DicewareGenerator(new SecureRandom()), OptionalInt.of(TEST_WORK_FACTOR));
    }

    static WizardServices airGapped(DriveDetector drives) {
        return with(drives, List.of());
    }
}
