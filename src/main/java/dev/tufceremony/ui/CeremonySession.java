package dev.tufceremony.ui;

import dev.tufceremony.ceremony.BackupCheck;
import dev.tufceremony.ceremony.Bootstrap;
import dev.tufceremony.ceremony.CeremonyKind;
import dev.tufceremony.ceremony.CeremonyReport;
import dev.tufceremony.ceremony.DriveCheckResult;
import dev.tufceremony.ceremony.Expiries;
import dev.tufceremony.ceremony.Expiry;
import dev.tufceremony.ceremony.KeySummary;
import dev.tufceremony.ceremony.OnlineKeyProtection;
import dev.tufceremony.ceremony.OnlineRole;
import dev.tufceremony.ceremony.People;
import dev.tufceremony.ceremony.RootDiff;
import dev.tufceremony.ceremony.RootSummary;
import dev.tufceremony.ceremony.Rotation;
import dev.tufceremony.keys.KeyType;
import dev.tufceremony.media.Drive;
import dev.tufceremony.secret.Passphrase;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the operator has decided so far in one ceremony, and the ceremony object working on it. The
 * pages fill it in; {@link #close()} wipes every passphrase and closes the ceremony object (which
 * wipes the keys), whether the ceremony finished or was cancelled.
 */
final class CeremonySession implements AutoCloseable {

    /** How bootstrap (or a rotation that replaces online keys) gets the targets/snapshot/timestamp keys. */
    enum OnlineKeySource {
        GENERATE_TO_RECIPIENT, GENERATE_UNDER_PASSPHRASE, IMPORT
    }

    final CeremonyKind kind;
    final WizardServices services;

    String repository = "";
    String operator = "";
    List<String> witnesses = List.of();
    KeyType keyType = KeyType.ED25519;
    Expiries expiries = Expiries.defaults();
    /** The root's expiry as the date the operator picked (00:00 UTC that day), signed exactly. */
    Expiry rootExpiry = new Expiry.After(Expiries.defaults().root());
    OnlineKeySource onlineKeySource = OnlineKeySource.GENERATE_TO_RECIPIENT;
    String ageRecipient = "";
    String importFolder = "";
    boolean keepRootKey;
    Set<OnlineRole> rotateOnlineKeys = EnumSet.noneOf(OnlineRole.class);
    /** The operator accepted network interfaces being up (recorded by the ceremony as a deviation). */
    boolean networkAccepted;

    Passphrase rootPassphrase;
    Passphrase onlinePassphrase;
    final Map<DriveRole, Drive> drives = new EnumMap<>(DriveRole.class);

    Bootstrap bootstrap;
    Rotation rotation;
    BackupCheck backupCheck;
    KeySummary unlockedKey;
    RootSummary currentRoot;
    RootSummary summary;
    RootDiff diff;
    CeremonyReport report;
    final List<DriveCheckResult> checks = new ArrayList<>();
    /** Set by the work that writes to the drives when it starts, so that a cancel after it can say so. */
    volatile boolean writesStarted;
    /** The operator's sentence for the failure that stopped the writing (it names the file), if one did. */
    volatile String writeFailure;

    /** Runs the writing part of the ceremony, remembering that it began and why it failed. */
    <T> T writing(java.util.function.Supplier<T> write) {
        writesStarted = true;
        try {
            return write.get();
        } catch (RuntimeException e) {
            writeFailure = Tasks.operatorMessage(e);
            throw e;
        }
    }

    CeremonySession(CeremonyKind kind, WizardServices services) {
        this.kind = kind;
        this.services = services;
    }

    People people() {
        return new People(operator, witnesses);
    }

    /** Names the passphrase gate treats as known to an attacker. */
    List<String> userInputs() {
        List<String> inputs = new ArrayList<>(people().allNames());
        if (!repository.isBlank()) {
            inputs.add(repository);
        }
        return inputs;
    }

    boolean onlineKeysNeedPassphrase() {
        boolean generating = kind == CeremonyKind.BOOTSTRAP
                ? onlineKeySource != OnlineKeySource.IMPORT
                : !rotateOnlineKeys.isEmpty();
        return generating && onlineKeySource == OnlineKeySource.GENERATE_UNDER_PASSPHRASE;
    }

    /** A fresh copy for each request: the ceremony wipes what it is given, the session keeps its own. */
    OnlineKeyProtection onlineProtection() {
        return onlineKeySource == OnlineKeySource.GENERATE_UNDER_PASSPHRASE
                ? new OnlineKeyProtection.UnderPassphrase(Passphrase.copyOf(onlinePassphrase.chars()))
                : new OnlineKeyProtection.ToRecipient(ageRecipient);
    }

    boolean anyDriveNotRemovable() {
        return drives.values().stream().anyMatch(d -> !d.removable());
    }

    void setRootPassphrase(Passphrase p) {
        destroy(rootPassphrase);
        rootPassphrase = p;
    }

    void setOnlinePassphrase(Passphrase p) {
        destroy(onlinePassphrase);
        onlinePassphrase = p;
    }

    /** Closes the prepared ceremony object, e.g. when the operator went back to change something. */
    void discardPrepared() {
        if (bootstrap != null) {
            bootstrap.close();
            bootstrap = null;
        }
        summary = null;
        diff = null;
    }

    /** The ceremony has written everything: wipe the passphrases and close the ceremony object now. */
    void finished() {
        setRootPassphrase(null);
        setOnlinePassphrase(null);
        if (bootstrap != null) {
            bootstrap.close();
            bootstrap = null;
        }
        if (rotation != null) {
            rotation.close();
            rotation = null;
        }
    }

    /**
     * Wipes the passphrases the operator typed (at once when the ceremony is stopped, even while a
     * background call may still use the ceremony object; that object is closed by {@link #close()}).
     */
    void wipePassphrases() {
        destroy(rootPassphrase);
        destroy(onlinePassphrase);
        rootPassphrase = null;
        onlinePassphrase = null;
    }

    /** Wipes everything; safe to call more than once. */
    @Override
    public void close() {
        wipePassphrases();
        if (bootstrap != null) {
            bootstrap.close();
            bootstrap = null;
        }
        if (rotation != null) {
            rotation.close();
            rotation = null;
        }
        if (backupCheck != null) {
            backupCheck.close();
            backupCheck = null;
        }
    }

    private static void destroy(Passphrase p) {
        if (p != null) {
            p.destroy();
        }
    }
}
