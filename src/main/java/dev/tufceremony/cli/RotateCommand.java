package dev.tufceremony.cli;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.ceremony.CeremonyEnvironment;
import dev.tufceremony.ceremony.Durations;
import dev.tufceremony.ceremony.KeySummary;
import dev.tufceremony.ceremony.OnlineKeyProtection;
import dev.tufceremony.ceremony.OnlineRole;
import dev.tufceremony.ceremony.Rotation;
import dev.tufceremony.ceremony.RotationRequest;
import dev.tufceremony.secret.Passphrase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rotate}: N+1.root.json signed by the old and the new root keys (spec §5.3). */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = "Rotate the root: unlock the current root key from a backup, sign N+1.root.json with the old "
                + "and new keys, back the new key up to two drives.")
public final class RotateCommand implements Callable<Integer> {
    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "The repository folder (holding metadata/).")
    Path repo;

    @Option(names = "--unlock", required = true, paramLabel = "BACKUP_DIR", description = "A backup drive with the current root key.")
    Path unlock;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Passphrase of that backup (default: asked on the console).")
    Path passphraseFile;

    @Option(names = "--new-passphrase-file", paramLabel = "FILE", description = "Passphrase for the new backups (default: asked twice).")
    Path newPassphraseFile;

    @Option(names = "--keep-root-key", description = "Keep the current root key and only extend the expiry.")
    boolean keepRootKey;

    @Option(names = "--root-expires", paramLabel = "WHEN", defaultValue = "365d", description = "New root expiry (default 365d).")
    String rootExpires;

    @Option(names = "--rotate-online-keys", paramLabel = "ROLES", description = "Replace these online keys: targets,snapshot,timestamp.")
    String rotateOnlineKeys;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    OnlineProtection online = new OnlineProtection();

    static final class OnlineProtection {
        @Option(names = "--online-passphrase-file", paramLabel = "FILE", description = "Encrypt new online keys under this passphrase.")
        Path passphraseFile;

        @Option(names = "--online-recipient", paramLabel = "AGE_RECIPIENT", description = "Encrypt new online keys to this age public key.")
        String recipient;
    }

    @Option(names = "--out", paramLabel = "DIR", description = "Export the root metadata (1..N+1.root.json, root.json) to this medium instead of updating --repo in place.")
    Path out;

    @Mixin
    CeremonyOptions common = new CeremonyOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (common.backups.size() != 2) {
            throw new CeremonyError("Give exactly two --backup drives for the new root key (" + common.backups.size() + " given).");
        }
        CeremonyEnvironment env = CeremonyCli.environment();
        Set<OnlineRole> roles = rotateOnlineKeys == null ? Set.of() : OnlineRole.parseList(rotateOnlineKeys);
        if (roles.isEmpty() && (online.passphraseFile != null || online.recipient != null)) {
            throw new CeremonyError("--online-passphrase-file and --online-recipient only apply with --rotate-online-keys; add it or drop them.");
        }
        RotationRequest.Builder b = RotationRequest.builder();
        common.applyTo(b);
        b.keepRootKey(keepRootKey)
                .rootExpiry(Durations.parseExpiry(rootExpires, env.clock()))
                .export(out);
        Passphrase old = null;
        Passphrase fresh = null;
        Passphrase onlinePassphrase = null;
        try (Rotation rotation = Rotation.open(repo, env)) {
            CeremonyCli.printRoot(stdout, rotation.currentRoot());
            if (rotation.currentRootExpired()) {
                stdout.println("The current root has expired; rotating away from it is allowed.");
            }
            old = CeremonyCli.passphrase(passphraseFile, "--passphrase-file", "passphrase of the backup to unlock", false);
            KeySummary unlocked = rotation.unlock(unlock, old);
            stdout.printf("unlocked root key %s (%s)%n", unlocked.fingerprint(), unlocked.keyid());
            fresh = CeremonyCli.passphrase(newPassphraseFile, "--new-passphrase-file", "passphrase for the new backups", true);
            b.newPassphrase(fresh);
            if (!roles.isEmpty()) {
                OnlineKeyProtection protection;
                if (online.recipient != null) {
                    protection = new OnlineKeyProtection.ToRecipient(online.recipient);
                } else {
                    onlinePassphrase = CeremonyCli.passphrase(online.passphraseFile, "--online-passphrase-file", "online keys passphrase", true);
                    protection = new OnlineKeyProtection.UnderPassphrase(onlinePassphrase);
                }
                b.rotateOnlineKeys(roles, protection);
            }
            CeremonyCli.printRoot(stdout, rotation.prepare(b.build()));
            rotation.diff().changes().forEach(c -> stdout.println("  change: " + c));
            CeremonyCli.executeAndReport(stdout, rotation::execute);
        } finally {
            CeremonyCli.destroyAll(old, fresh, onlinePassphrase);
        }
        return 0;
    }
}
