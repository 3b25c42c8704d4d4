package dev.tufceremony.ceremony;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.backup.KeyBackup;
import dev.tufceremony.backup.KeyBackupException;
import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.tuf.Metadata;
import dev.tufceremony.tuf.MetadataCodec;
import dev.tufceremony.tuf.Root;
import dev.tufceremony.tuf.RootChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A repository's root chain, loaded from {@code <repository>/metadata/} and verified as a client
 * updates its root (spec §5.3); the newest root may have expired (§5.3.10 does not stop a rotation).
 */
final class PublishedRoot {
    final ExportLayout layout;
    final String repository;
    final Metadata<Root> newest;
    final byte[] newestBytes;
    final boolean expired;

    private PublishedRoot(ExportLayout layout, Metadata<Root> newest, byte[] newestBytes, boolean expired) {
        this.layout = layout;
        this.repository = layout.repositoryDir().getFileName().toString();
        this.newest = newest;
        this.newestBytes = newestBytes;
        this.expired = expired;
    }

    static PublishedRoot load(Path repositoryDir, Instant now) {
        if (repositoryDir == null || !Files.isDirectory(repositoryDir)) {
            throw new CeremonyError("The repository folder " + repositoryDir
                    + " does not exist; insert the medium holding the repository and give its folder (the one holding metadata/).");
        }
        ExportLayout layout = new ExportLayout(repositoryDir.toAbsolutePath().normalize());
        if (!Files.isRegularFile(layout.rootVersion(1))) {
            throw new CeremonyError("The folder " + repositoryDir + " has no metadata/1.root.json; give the repository folder "
                    + "(the one holding metadata/), not the medium or the metadata folder itself.");
        }
        RepositoryName.check(layout.repositoryDir().getFileName().toString());
        RootChain chain = RootChain.load(layout.metadataDir(), "metadata/", now);
        Metadata<Root> newest = chain.requireIntact();
        long n = newest.signed().version();
        byte[] newestBytes = MetadataCodec.readBytes(layout.rootVersion(n), "metadata/" + n + ".root.json");
        if (Files.exists(layout.rootJson())) {
            byte[] rootJson = MetadataCodec.readBytes(layout.rootJson(), "metadata/root.json");
            if (!Arrays.equals(rootJson, newestBytes)) {
                throw new CeremonyError("The file " + layout.rootJson() + " is not the newest root " + n
                        + ".root.json; a client starting from it would trust another root, so restore it from " + n + ".root.json first.");
            }
        }
        return new PublishedRoot(layout, newest, newestBytes, chain.newestExpired());
    }

    long version() {
        return newest.signed().version();
    }

    boolean isRootKey(String keyid) {
        return newest.signed().role("root").keyids().contains(keyid);
    }

    /** The repository's root key backups on a drive; a drive without one is refused, naming it. */
    List<Path> backupsOn(Path drive) {
        if (drive == null || !Files.isDirectory(drive)) {
            throw new CeremonyError("The backup drive folder " + drive
                    + " does not exist; insert and mount the backup drive and give its folder — nothing was written.");
        }
        List<Path> found = KeyBackup.find(drive, repository);
        if (found.isEmpty()) {
            throw new CeremonyError("The drive " + drive + " holds no root key backup of " + repository
                    + " (no " + KeyBackup.TOP_DIRECTORY + "/" + repository + "/root-*.key.age); insert a backup drive of this repository.");
        }
        return found;
    }

    /**
     * Opens the backup on {@code drive} that holds a root key of the newest root. Throws the most
     * useful reason when none does: wrong passphrase, damaged, or not a current root key.
     */
    KeyBackup.OpenedKey unlock(Path drive, Passphrase passphrase) {
        List<Path> files = backupsOn(drive);
        // Prefer files whose name is a current root key; older keys' backups may sit beside them.
        List<Path> current = files.stream().filter(f -> newest.signed().role("root").keyids().stream()
                .anyMatch(id -> f.getFileName().toString().equals(KeyBackup.baseName("root", id) + KeyFiles.KEY_SUFFIX))).toList();
        if (current.isEmpty()) {
            throw new CeremonyError("The backup(s) on " + drive + " (" + names(files) + ") hold no root key of root version "
                    + version() + " of " + repository + "; insert a backup of a current root key (see root.json) — nothing was written.");
        }
        KeyBackupException last = null;
        for (Path f : current) {
            try {
                KeyBackup.OpenedKey k = KeyBackup.open(f, passphrase, newest.signed().keysOf("root"));
                if (!isRootKey(k.key().keyId())) {
                    k.close();
                    throw new CeremonyError("The backup " + f + " holds key " + KeySummary.fingerprint(k.sidecar().keyId())
                            + ", which is not a root key of root version " + version() + "; insert a backup of a current root key.");
                }
                return k;
            } catch (KeyBackupException e) {
                last = e;
            }
        }
        throw last;
    }

    private static String names(List<Path> files) {
        return String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList());
    }
}
