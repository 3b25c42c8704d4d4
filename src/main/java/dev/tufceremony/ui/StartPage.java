package dev.tufceremony.ui;

import dev.tufceremony.BuildInfo;
import dev.tufceremony.ceremony.AirGapStatus;
import dev.tufceremony.ceremony.CeremonyKind;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.WindowEvent;

/** Start: which ceremony, which program (version + SHA-256 of the jar), and whether the machine is offline. */
final class StartPage extends WizardPage {
    private final WizardContext context;
    private final Consumer<CeremonySession> onChosen;
    private final ToggleGroup choice = new ToggleGroup();
    private final Label sha = Ui.mono(Messages.get("start.computing"));
    private final VBox airGapBox = new VBox(8);
    private final CheckBox acceptNetwork = new CheckBox(Messages.get("start.acceptNetwork"));
    private AirGapStatus airGap;
    private boolean checksStarted;

    StartPage(WizardContext context, Consumer<CeremonySession> onChosen) {
        this.context = context;
        this.onChosen = onChosen;
    }

    @Override
    String id() {
        return "start";
    }

    @Override
    String title() {
        return Messages.get("start.title");
    }

    @Override
    protected Node build() {
        VBox ceremonies = new VBox(6);
        for (CeremonyKind kind : CeremonyKind.values()) {
            RadioButton b = new RadioButton(Messages.get("ceremony." + kind.slug()));
            b.setMnemonicParsing(true);
            b.setUserData(kind);
            b.setToggleGroup(choice);
            b.setId("choose-" + kind.slug());
            b.getStyleClass().add("ceremony-choice");
            Label when = Ui.styled(Messages.get("ceremony." + kind.slug() + ".when"), "choice-help");
            ceremonies.getChildren().addAll(b, when);
        }
        acceptNetwork.setMnemonicParsing(true);
        acceptNetwork.setId("accept-network");
        acceptNetwork.setWrapText(true);
        acceptNetwork.managedProperty().bind(acceptNetwork.visibleProperty());
        acceptNetwork.setVisible(false);
        airGapBox.setId("air-gap");
        airGapBox.getChildren().add(Ui.text(Messages.get("start.checkingAirGap")));

        GridPane program = Ui.grid();
        Label version = Ui.mono(BuildInfo.version());
        version.setId("version");
        sha.setId("jar-sha256");
        Ui.row(program, 0, Messages.get("start.version"), version);
        Ui.row(program, 1, Messages.get("start.sha256"), sha);

        valid.bind(Bindings.createBooleanBinding(
                () -> choice.getSelectedToggle() != null && airGap != null
                        && (airGap.airGapped() || acceptNetwork.isSelected()),
                choice.selectedToggleProperty(), acceptNetwork.selectedProperty(), airGapBox.getChildren()));

        // The jar hash reads ~20 MB and the air-gap check asks the OS: both run off the FX thread,
        // and only once the page has been painted, so that on a two-core laptop they do not compete
        // with drawing the first page.
        VBox root = Ui.column();
        root.sceneProperty().addListener((o, oldScene, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o2, oldWindow, window) -> {
                    if (window != null) {
                        window.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> startChecksAfterFirstFrame());
                        if (window.isShowing()) {
                            startChecksAfterFirstFrame();
                        }
                    }
                });
                if (scene.getWindow() != null && scene.getWindow().isShowing()) {
                    startChecksAfterFirstFrame();
                }
            }
        });

        root.getChildren().addAll(Ui.heading(Messages.get("start.choose")), ceremonies,
                Ui.heading(Messages.get("start.program")), program,
                Ui.heading(Messages.get("start.airGap")), airGapBox, acceptNetwork);
        return root;
    }

    /**
     * A pulse waits for the previous pulse's frame to be rendered, so by the third pulse after the
     * window is shown the first frame is on screen.
     */
    private void startChecksAfterFirstFrame() {
        if (checksStarted) {
            return;
        }
        checksStarted = true;
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 3) {
                    stop();
                    startChecks();
                }
            }
        }.start();
    }

    private void startChecks() {
        context.tasks().run(p -> Ui.groups(BuildInfo.runningJarSha256()), sha::setText, sha::setText);
        context.tasks().run(p -> context.services().environment().airGapCheck().check(), this::showAirGap,
                msg -> showAirGap(new AirGapStatus(false, java.util.List.of(msg))));
    }

    private void showAirGap(AirGapStatus status) {
        airGap = status;
        Label l = status.airGapped()
                ? Ui.status(Messages.get("start.airGapped"), true)
                : Ui.status(Messages.format("start.notAirGapped", String.join(", ", status.upInterfaces())), false);
        l.setId("air-gap-status");
        acceptNetwork.setVisible(!status.airGapped());
        airGapBox.getChildren().setAll(l);
    }

    @Override
    Node initialFocus() {
        return choice.getToggles().isEmpty() ? null : (Node) choice.getToggles().get(0);
    }

    @Override
    void commit(Runnable proceed) {
        CeremonyKind kind = (CeremonyKind) choice.getSelectedToggle().getUserData();
        CeremonySession session = new CeremonySession(kind, context.services());
        session.networkAccepted = !airGap.airGapped();
        onChosen.accept(session);
        proceed.run();
    }
}
