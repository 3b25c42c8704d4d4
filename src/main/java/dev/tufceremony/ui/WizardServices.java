package dev.tufceremony.ui;

import dev.tufceremony.ceremony.CeremonyEnvironment;
import dev.tufceremony.media.DriveDetector;
import dev.tufceremony.passphrase.DicewareGenerator;
import java.util.OptionalInt;

/**
 * What the wizard takes from the world, injectable so tests and the screenshot script can run the
 * real pages over temp folders with a cheap KDF.
 *
 * @param environment        clock, randomness, air-gap check and drive detection, shared with the
 *                           ceremony objects so the page lists exactly the drives the ceremony accepts
 * @param diceware           the passphrase generator behind "generate diceware passphrase"
 * @param testOnlyWorkFactor a cheap scrypt work factor for automated tests only; empty in production
 */
record WizardServices(CeremonyEnvironment environment, DicewareGenerator diceware, OptionalInt testOnlyWorkFactor) {

    static WizardServices production() {
        return new WizardServices(CeremonyEnvironment.production(), new DicewareGenerator(), OptionalInt.empty());
    }

    DriveDetector drives() {
        return environment.driveDetector();
    }
}
