package dev.tufceremony.ui;

import dev.tufceremony.ceremony.Bootstrap;
import dev.tufceremony.ceremony.BootstrapRequest;
import dev.tufceremony.ceremony.CeremonyReport;
import dev.tufceremony.ceremony.OnlineKeys;
import dev.tufceremony.ceremony.RootDiff;
import dev.tufceremony.ceremony.RootSummary;
import dev.tufceremony.ceremony.RotationRequest;
import dev.tufceremony.secret.Passphrase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The pages of each ceremony, in order, and the ceremony calls between them. */
final class Flows {
    private Flows() {
    }

    /** What prepare made; closing it wipes a bootstrap's keys (a result that arrives after a cancel is closed). */
    record Prepared(Bootstrap bootstrap, RootSummary summary, RootDiff diff) implements AutoCloseable {
        @Override
        public void close() {
            if (bootstrap != null) {
                bootstrap.close();
            }
        }
    }

    static List<WizardPage> pages(CeremonySession session, WizardContext context) {
        return switch (session.kind) {
            case BOOTSTRAP -> bootstrap(session, context);
            case ROTATION -> rotation(session, context);
            case BACKUP_CHECK -> backupCheck(session, context);
        };
    }

    private static List<WizardPage> bootstrap(CeremonySession s, WizardContext c) {
        List<WizardPage> pages = new ArrayList<>();
        pages.add(new DetailsPage(c, s));
        pages.add(new PassphrasePage(c, s, PassphrasePage.Purpose.ROOT));
        pages.add(onlinePassphrase(c, s));
        pages.add(new DrivePage(c, s, DriveRole.BACKUP_A));
        pages.add(new DrivePage(c, s, DriveRole.BACKUP_B));
        pages.add(new DrivePage(c, s, DriveRole.EXPORT));
        pages.add(new WorkPage<>(c, "prepare", "work.prepare.title", "work.prepare.intro",
                p -> prepareBootstrap(s, c, p), prepared -> {
                    s.bootstrap = prepared.bootstrap();
                    s.summary = prepared.summary();
                }, true));
        pages.add(new ReviewPage(s));
        pages.add(execute(c, s));
        pages.add(new FinishPage(s));
        return pages;
    }

    private static List<WizardPage> rotation(CeremonySession s, WizardContext c) {
        List<WizardPage> pages = new ArrayList<>();
        pages.add(new RepositoryPage(c, s));
        pages.add(new CurrentRootPage(s));
        pages.add(new UnlockPage(c, s));
        pages.add(new DetailsPage(c, s));
        pages.add(new PassphrasePage(c, s, PassphrasePage.Purpose.ROOT));
        pages.add(onlinePassphrase(c, s));
        pages.add(new DrivePage(c, s, DriveRole.BACKUP_A));
        pages.add(new DrivePage(c, s, DriveRole.BACKUP_B));
        pages.add(new WorkPage<>(c, "prepare", "work.prepare.title", "work.prepare.rotation.intro",
                p -> prepareRotation(s, c, p), prepared -> {
                    s.summary = prepared.summary();
                    s.diff = prepared.diff();
                }, true));
        pages.add(new ReviewPage(s));
        pages.add(execute(c, s));
        pages.add(new FinishPage(s));
        return pages;
    }

    private static List<WizardPage> backupCheck(CeremonySession s, WizardContext c) {
        return List.of(new RepositoryPage(c, s), new CurrentRootPage(s), new CheckPage(c, s), new FinishPage(s));
    }

    private static WizardPage onlinePassphrase(WizardContext c, CeremonySession s) {
        return new PassphrasePage(c, s, PassphrasePage.Purpose.ONLINE) {
            @Override
            boolean applies() {
                return s.onlineKeysNeedPassphrase();
            }
        };
    }

    private static WizardPage execute(WizardContext c, CeremonySession s) {
        return new WorkPage<CeremonyReport>(c, "execute", "work.execute.title", "work.execute.intro",
                p -> s.writing(() -> s.bootstrap != null ? s.bootstrap.execute(p::update) : s.rotation.execute(p::update)),
                report -> {
                    s.report = report;
                    s.finished(); // keys and passphrases are no longer needed: wipe them now
                }, false);
    }

    private static Prepared prepareBootstrap(CeremonySession s, WizardContext c, Tasks.ProgressSink progress) {
        progress.update(Messages.get("work.step.keys"), -1);
        OnlineKeys online = s.onlineKeySource == CeremonySession.OnlineKeySource.IMPORT
                ? OnlineKeys.Import.fromDirectory(Path.of(s.importFolder))
                : new OnlineKeys.Generate(s.keyType, s.onlineProtection());
        BootstrapRequest.Builder b = BootstrapRequest.builder()
                .repository(s.repository)
                .people(s.people())
                .keyType(s.keyType)
                .expiries(s.expiries)
                .rootExpiry(s.rootExpiry)
                .onlineKeys(online)
                .rootPassphrase(Passphrase.copyOf(s.rootPassphrase.chars()))
                .backupA(s.drives.get(DriveRole.BACKUP_A).mountPath())
                .backupB(s.drives.get(DriveRole.BACKUP_B).mountPath())
                .export(s.drives.get(DriveRole.EXPORT).mountPath())
                .allowNonRemovable(s.anyDriveNotRemovable())
                .requireAirGap(!s.networkAccepted);
        c.services().testOnlyWorkFactor().ifPresent(b::workFactorForTestsOnly);
        Bootstrap bootstrap = new Bootstrap(b.build(), c.services().environment());
        try {
            return new Prepared(bootstrap, bootstrap.prepare(), null);
        } catch (RuntimeException e) {
            bootstrap.close();
            throw e;
        }
    }

    private static Prepared prepareRotation(CeremonySession s, WizardContext c, Tasks.ProgressSink progress) {
        progress.update(Messages.get("work.step.keys"), -1);
        RotationRequest.Builder b = RotationRequest.builder()
                .people(s.people())
                .newPassphrase(Passphrase.copyOf(s.rootPassphrase.chars()))
                .keepRootKey(s.keepRootKey)
                .rootExpiry(s.rootExpiry)
                .keyType(s.keyType)
                .backupA(s.drives.get(DriveRole.BACKUP_A).mountPath())
                .backupB(s.drives.get(DriveRole.BACKUP_B).mountPath())
                .allowNonRemovable(s.anyDriveNotRemovable())
                .requireAirGap(!s.networkAccepted);
        if (!s.rotateOnlineKeys.isEmpty()) {
            b.rotateOnlineKeys(s.rotateOnlineKeys, s.onlineProtection());
        }
        c.services().testOnlyWorkFactor().ifPresent(b::workFactorForTestsOnly);
        RootSummary summary = s.rotation.prepare(b.build());
        return new Prepared(null, summary, s.rotation.diff());
    }
}
