package dev.tufceremony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tufceremony.media.Bus;
import dev.tufceremony.media.DeviceIdentity;
import dev.tufceremony.media.Drive;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DrivesCommandTest {
    private static String run(DrivesCommand command) {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out));
        assertThat(cmd.execute()).isZero();
        return out.toString();
    }

    @Test
    void listsEachDriveWithItsIdentity() {
        Drive stick = new Drive(Path.of("/media/op/BACKUP-A"), "BACKUP-A", "vfat", 30_751_491_072L, 30_700_000_000L,
                new DeviceIdentity("/dev/sdb", "/dev/sdb1", "4C530001230907115034", "1A2B-3C4D", null), Bus.USB, true);

        String out = run(new DrivesCommand(() -> List.of(stick)));

        assertThat(out).contains("/media/op/BACKUP-A").contains("BACKUP-A").contains("vfat").contains("USB")
                .contains("30.8 GB").contains("30.7 GB").contains("serial 4C530001230907115034").contains("UUID 1A2B-3C4D");
    }

    @Test
    void saysWhatToDoWhenNoDriveIsPresent() {
        assertThat(run(new DrivesCommand(List::of))).contains("No removable drive found").contains("insert");
    }

    @Test
    void drivesIsARegisteredSubcommand() {
        StringWriter out = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "drives", "--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("removable drives");
    }
}
