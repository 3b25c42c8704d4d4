package dev.tufceremony.cli;

import dev.tufceremony.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** The top-level command. With no arguments at all the launcher opens the wizard instead. */
@Command(name = "tuf-ceremony", mixinStandardHelpOptions = true, versionProvider = TufCeremonyCommand.Version.class,
        description = "Offline key ceremonies for The Update Framework (TUF). Run without arguments to open the wizard.",
        subcommands = {
                VerifyCommand.class,
                DrivesCommand.class,
                BootstrapCommand.class, RotateCommand.class, VerifyBackupsCommand.class, VerifyTranscriptCommand.class,
        })
public final class TufCeremonyCommand implements Runnable {
    @Option(names = "--debug", description = "Show stack traces on errors.", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tuf-ceremony " + BuildInfo.version(), "jar SHA-256 " + BuildInfo.runningJarSha256()};
        }
    }
}
