package dev.tufceremony.ui;

import dev.tufceremony.ceremony.CeremonyEnvironment;
import dev.tufceremony.media.DriveDetector;
import dev.tufceremony.passphrase.DicewareGenerator;
import java.util.OptionalInt;

/**
 * What the wizard takes from the world, injectable so tests and the screenshot script can run the
 * real pages over temp folders with a cheap KDF.
 *
 * @param environment        clock, randomness and air-gap check for the ceremony objects
 * @param drives             the live drive list (every second)
 * @param diceware           the passphrase generator behind "generate diceware passphrase"
 * @param testOnlyWorkFactor a cheap scrypt work factor for automated tests only; empty in production
 */
record WizardServices(CeremonyEnvironment environment, DriveDetector drives, DicewareGenerator diceware,
        OptionalInt testOnlyWorkFactor) {

    static WizardServices production() {
        return new WizardServices(CeremonyEnvironment.production(), DriveDetector.forThisPlatform(),
                new DicewareGenerator(), OptionalInt.empty());
    }
}
