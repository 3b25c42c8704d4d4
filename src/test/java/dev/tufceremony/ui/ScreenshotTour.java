package dev.tufceremony.ui;

import dev.tufceremony.ceremony.AirGapCheck;
import dev.tufceremony.ceremony.CeremonyEnvironment;
import dev.tufceremony.media.Bus;
import dev.tufceremony.media.DeviceIdentity;
import dev.tufceremony.media.Drive;
import dev.tufceremony.media.DriveDetector;
import dev.tufceremony.passphrase.DicewareGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks all three ceremonies through the real wizard (headless Monocle) and saves a PNG of every
 * page: run by ceremony-scripts/screenshots.sh. Drives are temp folders presented as USB sticks;
 * the KDF uses a test-only work factor; the diceware words on screen come from a fixed seed and are
 * on the passphrase gate's well-known list (so nobody can use them for a real key).
 */
public final class ScreenshotTour {
    /** The seed of the diceware words in the screenshots. */
    static final String DICEWARE_SEED = "tuf-ceremony screenshots";

    private final Path out;
    private final Path drivesRoot;
    private final List<Drive> plugged = new ArrayList<>();
    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private int counter;

    private ScreenshotTour(Path out, Path drivesRoot) {
        this.out = out;
        this.drivesRoot = drivesRoot;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        try (Stream<Path> old = Files.list(out)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(p);
            }
        }
        // Where the pretend USB sticks live; the script uses a folder under /media so the
        // screenshots show paths like a real mount point.
        Path drives = args.length > 1 ? Files.createDirectories(Path.of(args[1])) : Files.createTempDirectory("tour-drives");
        try {
            new ScreenshotTour(out, drives).run();
        } finally {
            try (Stream<Path> s = Files.walk(drives)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(drives)).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            FxToolkit.cleanupStages();
        }
        System.exit(0);
    }

    static SecureRandom seededRandom() throws Exception {
        SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
        r.setSeed(DICEWARE_SEED.getBytes(StandardCharsets.UTF_8));
        return r;
    }

    private Drive stick(String label, String disk, String serial) throws IOException {
        Path dir = Files.createDirectories(drivesRoot.resolve(label));
        FileStore store = Files.getFileStore(dir);
        Drive d = new Drive(dir.toRealPath(), label, "vfat", 15_931_539_456L, 15_930_000_000L,
                new DeviceIdentity(disk, disk + "1", serial, null, null), Bus.USB, true);
        plugged.add(d);
        return d;
    }

    private WizardWalk open(List<String> upInterfaces) throws Exception {
        DriveDetector detector = () -> List.copyOf(plugged);
        CeremonyEnvironment env = CeremonyEnvironment.builder()
                .airGapCheck(AirGapCheck.fixed(upInterfaces)).driveDetector(detector).build();
        WizardServices services = new WizardServices(env, new DicewareGenerator(seededRandom()), OptionalInt.of(14));
        WizardWindow[] window = new WizardWindow[1];
        FxToolkit.setupStage(s -> {
            window[0] = new WizardWindow(services, () -> { });
            window[0].wizard().setConfirmCancel(false);
            s.setScene(window[0].scene());
            s.setTitle(Messages.get("app.title"));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        WizardWalk walk = new WizardWalk(robot, window[0]);
        WizardWalk.await(() -> robot.lookup("#air-gap-status").tryQuery().isPresent(), () -> "air-gap status");
        WizardWalk.await(() -> !walk.text("#jar-sha256").equals(Messages.get("start.computing")), () -> "hash");
        return walk;
    }

    private void shot(WizardWalk walk, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(150);
        WaitForAsyncUtils.waitForFxEvents();
        String file = String.format("%02d-%s.png", ++counter, name);
        var image = WizardWalk.onFx(() -> walk.window().scene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.resolve(file).toFile());
        System.out.println("wrote " + out.resolve(file));
    }

    private void scrollTop(WizardWalk walk) {
        WizardWalk.onFx(() -> {
            ((javafx.scene.control.ScrollPane) walk.window().scene().lookup(".page-scroll")).setVvalue(0);
            return null;
        });
    }

    private void run() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        stick("BACKUP-A", "/dev/sdb", "4C530001231118113331");
        stick("BACKUP-B", "/dev/sdc", "4C530001240219105542");
        stick("TRANSFER", "/dev/sdd", "0401396E2BD1A4A3");

        // Start page, once with the network up (red), then air-gapped (green).
        WizardWalk red = open(List.of("eth0", "wlp2s0"));
        shot(red, "start-network-up");
        WizardWalk walk = open(List.of());
        shot(walk, "start");

        // Bootstrap.
        walk.click("#choose-bootstrap");
        walk.next();
        walk.type("#repository", "agent-updates");
        walk.type("#operator", "Ada Lovelace");
        walk.type("#witnesses", "Grace Hopper\nAlan Turing");
        walk.click("#online-generate-under-passphrase");
        scrollTop(walk);
        shot(walk, "bootstrap-details");
        walk.next();
        walk.type("#passphrase", "agent-updates 2024!");
        WizardWalk.await(() -> walk.text("#meter-level").contains("Too guessable"), () -> "weak rating");
        scrollTop(walk);
        shot(walk, "passphrase-weak");
        walk.click("#generate-diceware");
        String root = WizardFixture.freshPassphrase();
        walk.type("#passphrase", root);
        walk.type("#confirm", root);
        WizardWalk.await(walk::nextEnabled, () -> "strong passphrase accepted");
        scrollTop(walk);
        shot(walk, "passphrase-strong-and-diceware");
        walk.next();
        String online = WizardFixture.freshPassphrase();
        walk.passphrase(online);
        walk.chooseDrive("BACKUP-A");
        shot(walk, "drive-backup-a");
        walk.next();
        walk.chooseDrive("BACKUP-A");
        shot(walk, "drive-backup-b-same-device-refused");
        walk.chooseDrive("BACKUP-B");
        walk.next();
        walk.chooseDrive("TRANSFER");
        shot(walk, "drive-transfer");
        walk.next();
        walk.awaitPage("review");
        shot(walk, "bootstrap-review");
        walk.click("#raw-json .title");
        TitledPane raw = walk.node("#raw-json", TitledPane.class);
        walk.scrollIntoView(raw);
        shot(walk, "bootstrap-review-raw-json");
        walk.pressNext();
        WizardWalk.await(() -> walk.window().wizard().current().id().equals("execute")
                || walk.window().wizard().current().id().equals("finish"), () -> "writing");
        if (walk.pageId().equals("execute")) {
            shot(walk, "bootstrap-writing");
        }
        walk.awaitPage("finish");
        shot(walk, "bootstrap-finish");
        walk.scrollIntoView(walk.node("#report-files", javafx.scene.Node.class));
        shot(walk, "bootstrap-finish-files");

        // Rotation: new drives for the new backups.
        stick("NEW-A", "/dev/sde", "AA0000000000000000A1");
        stick("NEW-B", "/dev/sdf", "AA0000000000000000B2");
        WizardWalk rw = open(List.of());
        rw.click("#choose-rotation");
        rw.next();
        rw.chooseDrive("TRANSFER");
        rw.type("#repository-name", "agent-updates");
        shot(rw, "rotation-repository");
        rw.next();
        shot(rw, "rotation-current-root");
        rw.next();
        rw.chooseDrive("BACKUP-A");
        rw.type("#old-passphrase", root);
        shot(rw, "rotation-unlock");
        rw.next();
        rw.type("#operator", "Ada Lovelace");
        rw.type("#witnesses", "Grace Hopper");
        rw.click("#rotate-timestamp");
        rw.click("#online-generate-under-passphrase");
        scrollTop(rw);
        shot(rw, "rotation-details");
        rw.next();
        String newRoot = WizardFixture.freshPassphrase();
        rw.passphrase(newRoot);
        String newOnline = WizardFixture.freshPassphrase();
        rw.passphrase(newOnline);
        rw.chooseDrive("NEW-A");
        rw.next();
        rw.chooseDrive("NEW-B");
        rw.next();
        rw.awaitPage("review");
        shot(rw, "rotation-review-diff");
        rw.next();
        rw.awaitPage("finish");
        shot(rw, "rotation-finish");

        // Backup check of the new backups.
        WizardWalk cw = open(List.of());
        cw.click("#choose-backup-check");
        cw.next();
        cw.chooseDrive("TRANSFER");
        cw.type("#repository-name", "agent-updates");
        cw.next();
        cw.next();
        cw.chooseDrive("NEW-A");
        cw.type("#check-passphrase", "the wrong passphrase");
        cw.click("#check-drive");
        WizardWalk.await(() -> robot.lookup("#check-result-1").tryQuery().isPresent(), () -> "result 1");
        cw.type("#check-passphrase", newRoot);
        cw.click("#check-drive");
        WizardWalk.await(() -> robot.lookup("#check-result-2").tryQuery().isPresent(), () -> "result 2");
        cw.chooseDrive("NEW-B");
        cw.type("#check-passphrase", newRoot);
        cw.click("#check-drive");
        WizardWalk.await(() -> robot.lookup("#check-result-3").tryQuery().isPresent(), () -> "result 3");
        cw.scrollIntoView(cw.node("#check-comparison", javafx.scene.Node.class));
        shot(cw, "backup-check-results");
        cw.next();
        cw.awaitPage("finish");
        shot(cw, "backup-check-finish");

        // A ceremony cancelled after its details: back on Start, with the notice.
        WizardWalk xw = open(List.of());
        xw.click("#choose-bootstrap");
        xw.next();
        xw.click("#cancel");
        xw.awaitPage("start");
        shot(xw, "start-after-cancel");
    }
}
