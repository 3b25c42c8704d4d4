package dev.tufceremony.ui;

import dev.tufceremony.ceremony.AirGapCheck;
import dev.tufceremony.ceremony.Bootstrap;
import dev.tufceremony.ceremony.BootstrapRequest;
import dev.tufceremony.ceremony.CeremonyEnvironment;
import dev.tufceremony.ceremony.OnlineKeyProtection;
import dev.tufceremony.ceremony.OnlineKeys;
import dev.tufceremony.ceremony.People;
import dev.tufceremony.ceremony.Progress;
import dev.tufceremony.ceremony.RootSummary;
import dev.tufceremony.keys.KeyType;
import dev.tufceremony.media.DriveDetector;
import dev.tufceremony.passphrase.DicewareGenerator;
import dev.tufceremony.secret.Passphrase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javafx.stage.Stage;

/** The wizard on the TestFX stage, drives as plain folders listed by a folder detector, fresh passphrases. */
final class WizardFixture {
    private WizardFixture() {
    }

    /** A wizard over {@code services} on the TestFX stage; Cancel does not ask for confirmation. */
    static WizardWindow show(Stage stage, WizardServices services) {
        WizardWindow window = new WizardWindow(services, () -> { });
        window.wizard().setConfirmCancel(false);
        stage.setScene(window.scene());
        stage.show();
        return window;
    }

    /** Closes the wizard on the FX thread (wipes its secrets, stops its threads). */
    static void close(WizardWindow window) {
        WizardWalk.onFx(() -> {
            window.close();
            return null;
        });
    }

    /** Creates {@code names} under {@code root} and a detector that lists them (missing ones are left out). */
    static DriveDetector folders(Path root, String... names) throws IOException {
        List<Path> paths = new ArrayList<>();
        for (String n : names) {
            paths.add(Files.createDirectories(root.resolve(n)));
        }
        return DriveDetector.ofFolders(paths);
    }

    /** A fresh diceware passphrase as text to type (tests only: the operator types it in real use). */
    static String freshPassphrase() {
        Passphrase p = new DicewareGenerator(new SecureRandom()).generate();
        try {
            return new String(p.chars());
        } finally {
            p.destroy();
        }
    }

    /**
     * A bootstrapped repository made directly through the ceremony API (not the wizard), as the
     * starting point of the rotation and backup-check walks: drives backup-a, backup-b, transfer.
     */
    static RootSummary bootstrap(Path root, String repository, String rootPassphrase) throws IOException {
        for (String n : List.of("backup-a", "backup-b", "transfer")) {
            Files.createDirectories(root.resolve(n));
        }
        BootstrapRequest request = BootstrapRequest.builder()
                .repository(repository)
                .people(People.of("Ada Operator", "Bo Witness"))
                .onlineKeys(new OnlineKeys.Generate(KeyType.ED25519,
                        new OnlineKeyProtection.UnderPassphrase(Passphrase.copyOf(freshPassphrase().toCharArray()))))
                .rootPassphrase(Passphrase.copyOf(rootPassphrase.toCharArray()))
                .workFactorForTestsOnly(TestServices.TEST_WORK_FACTOR)
                .backupA(root.resolve("backup-a"))
                .backupB(root.resolve("backup-b"))
                .export(root.resolve("transfer"))
                .allowNonRemovable(true)
                .build();
        CeremonyEnvironment env = CeremonyEnvironment.builder().airGapCheck(AirGapCheck.fixed(List.of())).build();
        try (Bootstrap b = new Bootstrap(request, env)) {
            RootSummary summary = b.prepare();
            b.execute(Progress.NONE);
            return summary;
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            d.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(d.digest());
    }
}
