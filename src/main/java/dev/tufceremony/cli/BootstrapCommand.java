package dev.tufceremony.cli;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.ceremony.Bootstrap;
import dev.tufceremony.ceremony.BootstrapRequest;
import dev.tufceremony.ceremony.CeremonyEnvironment;
import dev.tufceremony.ceremony.Durations;
import dev.tufceremony.ceremony.Expiry;
import dev.tufceremony.ceremony.OnlineKeyProtection;
import dev.tufceremony.ceremony.OnlineKeys;
import dev.tufceremony.ceremony.OnlineRole;
import dev.tufceremony.ceremony.RootSummary;
import dev.tufceremony.keys.KeyType;
import dev.tufceremony.secret.Passphrase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bootstrap}: the first ceremony of a repository (issue 5). */
@Command(name = "bootstrap", mixinStandardHelpOptions = true,
        description = "Create the root and online keys, sign 1.root.json and the first targets/snapshot/timestamp, "
                + "back the root key up to two drives and export the repository.")
public final class BootstrapCommand implements Callable<Integer> {
    @Option(names = "--repository", required = true, paramLabel = "NAME", description = "Repository name (a folder name).")
    String repository;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Export (transfer) medium.")
    Path out;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Root passphrase on the first line (default: asked twice on the console).")
    Path passphraseFile;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    OnlineChoice online = new OnlineChoice();

    static final class OnlineChoice {
        @Option(names = "--online-passphrase-file", paramLabel = "FILE", description = "Encrypt the online keys under this passphrase (first line).")
        Path passphraseFile;

        @Option(names = "--online-recipient", paramLabel = "AGE_RECIPIENT", description = "Encrypt the online keys to this age public key (age1...).")
        String recipient;

        @Option(names = "--online-keys-from", paramLabel = "DIR", description = "Take the online public keys from DIR/<role>.pub.pem or DIR/<role>.json.")
        Path keysFrom;
    }

    @Option(names = "--root-expires", paramLabel = "WHEN", defaultValue = "365d", description = "Root expiry: 365d (default), 12h, 8w or a UTC date.")
    String rootExpires;

    @Option(names = "--targets-expires", paramLabel = "WHEN", defaultValue = "90d", description = "Default: 90d.")
    String targetsExpires;

    @Option(names = "--snapshot-expires", paramLabel = "WHEN", defaultValue = "7d", description = "Default: 7d.")
    String snapshotExpires;

    @Option(names = "--timestamp-expires", paramLabel = "WHEN", defaultValue = "1d", description = "Default: 1d.")
    String timestampExpires;

    @Mixin
    CeremonyOptions common = new CeremonyOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (common.backups.size() != 2) {
            throw new CeremonyError("Give exactly two --backup drives (" + common.backups.size() + " given): the root key is kept on two devices.");
        }
        CeremonyEnvironment env = CeremonyCli.environment();
        Expiry rootExpiry = Durations.parseExpiry(rootExpires, env.clock());
        Expiry targetsExpiry = Durations.parseExpiry(targetsExpires, env.clock());
        Expiry snapshotExpiry = Durations.parseExpiry(snapshotExpires, env.clock());
        Expiry timestampExpiry = Durations.parseExpiry(timestampExpires, env.clock());
        KeyType type = common.keyType();
        OnlineKeys onlineKeys = null;
        if (online.keysFrom != null) {
            onlineKeys = OnlineKeys.Import.fromDirectory(online.keysFrom);
        } else if (online.recipient != null) {
            onlineKeys = new OnlineKeys.Generate(type, new OnlineKeyProtection.ToRecipient(online.recipient));
        }
        BootstrapRequest.Builder b = BootstrapRequest.builder()
                .repository(repository)
                .rootExpiry(rootExpiry)
                .expiry(OnlineRole.TARGETS, targetsExpiry)
                .expiry(OnlineRole.SNAPSHOT, snapshotExpiry)
                .expiry(OnlineRole.TIMESTAMP, timestampExpiry)
                .export(out);
        common.applyTo(b);
        Passphrase root = null;
        Passphrase onlinePassphrase = null;
        try {
            root = CeremonyCli.passphrase(passphraseFile, "--passphrase-file", "root passphrase", true);
            if (onlineKeys == null) {
                onlinePassphrase = CeremonyCli.passphrase(online.passphraseFile, "--online-passphrase-file", "online keys passphrase", true);
                onlineKeys = new OnlineKeys.Generate(type, new OnlineKeyProtection.UnderPassphrase(onlinePassphrase));
            }
            b.rootPassphrase(root).onlineKeys(onlineKeys);
            try (Bootstrap bootstrap = new Bootstrap(b.build(), env)) {
                RootSummary summary = bootstrap.prepare();
                CeremonyCli.printRoot(stdout, summary);
                CeremonyCli.executeAndReport(stdout, bootstrap::execute);
            }
        } finally {
            // Bootstrap.close() wipes them too; this covers a failure before it was built.
            CeremonyCli.destroyAll(root, onlinePassphrase);
        }
        return 0;
    }
}
