package dev.tufceremony.ui;

import dev.tufceremony.ceremony.CeremonyKind;
import dev.tufceremony.ceremony.Expiries;
import dev.tufceremony.ceremony.Expiry;
import dev.tufceremony.ceremony.OnlineRole;
import dev.tufceremony.keys.KeyType;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Who is present and what to create: repository name (bootstrap), operator, witnesses, key type,
 * expiries (root by date, online roles in days) and where the online keys come from.
 */
final class DetailsPage extends WizardPage {
    private final WizardContext context;
    private final CeremonySession session;
    private final boolean bootstrap;

    final TextField repository = new TextField();
    final TextField operator = new TextField();
    final TextArea witnesses = new TextArea();
    final ComboBox<KeyType> keyType = new ComboBox<>();
    final DatePicker rootExpiry = new DatePicker();
    final Map<OnlineRole, Spinner<Integer>> onlineDays = new EnumMap<>(OnlineRole.class);
    final CheckBox keepRootKey = new CheckBox(Messages.get("details.keepRootKey"));
    final Map<OnlineRole, CheckBox> rotateOnline = new EnumMap<>(OnlineRole.class);
    final ToggleGroup source = new ToggleGroup();
    final TextField recipient = new TextField();
    final TextField importFolder = new TextField();
    private final Label unlocked = Ui.styled("", "status", "status-ok");

    DetailsPage(WizardContext context, CeremonySession session) {
        this.context = context;
        this.session = session;
        this.bootstrap = session.kind == CeremonyKind.BOOTSTRAP;
    }

    @Override
    String id() {
        return "details";
    }

    @Override
    String title() {
        return Messages.get(bootstrap ? "details.title" : "details.rotation.title");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(context.services().environment().clock().instant(), ZoneOffset.UTC);
    }

    @Override
    protected Node build() {
        repository.setId("repository");
        operator.setId("operator");
        witnesses.setId("witnesses");
        witnesses.setPrefRowCount(3);
        witnesses.setPromptText(Messages.get("details.witnesses.prompt"));
        keyType.setId("key-type");
        keyType.getItems().setAll(KeyType.values());
        keyType.setValue(KeyType.ED25519);
        keyType.setButtonCell(new KeyTypeCell());
        keyType.setCellFactory(v -> new KeyTypeCell());
        rootExpiry.setId("root-expiry");
        rootExpiry.setConverter(new javafx.util.converter.LocalDateStringConverter(
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        rootExpiry.setPromptText("YYYY-MM-DD");
        rootExpiry.setValue(today().plusDays(Expiries.defaults().root().toDays()));
        keepRootKey.setId("keep-root-key");
        keepRootKey.setMnemonicParsing(true);
        recipient.setId("age-recipient");
        recipient.setPromptText("age1…");
        importFolder.setId("import-folder");
        unlocked.setId("unlocked-key");
        unlocked.managedProperty().bind(unlocked.visibleProperty());
        unlocked.setVisible(false);

        GridPane form = Ui.grid();
        int row = 0;
        if (bootstrap) {
            form.add(Ui.labelFor(Messages.get("details.repository"), repository), 0, row);
            form.add(new VBox(4, repository, Ui.styled(Messages.get("details.repository.help"), "choice-help")), 1, row++);
        }
        form.add(Ui.labelFor(Messages.get("details.operator"), operator), 0, row);
        form.add(operator, 1, row++);
        form.add(Ui.labelFor(Messages.get("details.witnesses"), witnesses), 0, row);
        form.add(witnesses, 1, row++);
        if (!bootstrap) {
            form.add(keepRootKey, 1, row++);
        }
        form.add(Ui.labelFor(Messages.get("details.keyType"), keyType), 0, row);
        form.add(keyType, 1, row++);
        form.add(Ui.labelFor(Messages.get("details.rootExpiry"), rootExpiry), 0, row);
        form.add(rootExpiry, 1, row++);
        Expiries defaults = Expiries.defaults();
        for (OnlineRole role : OnlineRole.values()) {
            Spinner<Integer> days = new Spinner<>(1, 3650, (int) defaults.of(role).toDays());
            days.setEditable(true);
            days.setId("expiry-" + role.roleName());
            onlineDays.put(role, days);
            if (bootstrap) {
                form.add(Ui.labelFor(Messages.format("details.onlineExpiry", role.roleName()), days), 0, row);
                form.add(days, 1, row++);
            }
        }
        keyType.disableProperty().bind(keepRootKey.selectedProperty());

        VBox online = new VBox(8);
        if (!bootstrap) {
            VBox roles = new VBox(4);
            for (OnlineRole role : OnlineRole.values()) {
                CheckBox c = new CheckBox(Messages.format("details.rotateOnline.role", role.roleName()));
                c.setId("rotate-" + role.roleName());
                rotateOnline.put(role, c);
                roles.getChildren().add(c);
            }
            online.getChildren().addAll(Ui.text(Messages.get("details.rotateOnline")), roles);
        }
        RadioButton toRecipient = radio("details.online.recipient", CeremonySession.OnlineKeySource.GENERATE_TO_RECIPIENT);
        RadioButton underPassphrase = radio("details.online.passphrase", CeremonySession.OnlineKeySource.GENERATE_UNDER_PASSPHRASE);
        online.getChildren().addAll(toRecipient, indent(recipient), underPassphrase);
        if (bootstrap) {
            RadioButton imported = radio("details.online.import", CeremonySession.OnlineKeySource.IMPORT);
            online.getChildren().addAll(imported, indent(importFolder),
                    Ui.styled(Messages.get("details.online.import.help"), "choice-help"));
            importFolder.disableProperty().bind(imported.selectedProperty().not());
        }
        toRecipient.setSelected(true);
        recipient.disableProperty().bind(toRecipient.selectedProperty().not());

        BooleanBinding anyOnlineRotated = Bindings.createBooleanBinding(
                () -> rotateOnline.values().stream().anyMatch(CheckBox::isSelected),
                rotateOnline.values().stream().map(CheckBox::selectedProperty).toArray(javafx.beans.Observable[]::new));
        if (!bootstrap) {
            toRecipient.disableProperty().bind(anyOnlineRotated.not());
            underPassphrase.disableProperty().bind(anyOnlineRotated.not());
        }

        valid.bind(Bindings.createBooleanBinding(this::complete,
                repository.textProperty(), operator.textProperty(), rootExpiry.valueProperty(),
                source.selectedToggleProperty(), recipient.textProperty(), importFolder.textProperty(),
                anyOnlineRotated));
        // These choices decide whether the online passphrase page comes: the step count follows them at once.
        source.selectedToggleProperty().addListener(o -> flowChoicesChanged());
        rotateOnline.values().forEach(c -> c.selectedProperty().addListener(o -> flowChoicesChanged()));
        flowChoicesChanged();
        return Ui.column(unlocked, form,
                Ui.heading(Messages.get(bootstrap ? "details.online" : "details.online.rotation")), online);
    }

    /**
     * Records the choices that decide which pages follow (where online keys come from, which are
     * replaced) as soon as they change, so the pages ask the session and the wizard recounts its steps.
     * Nothing is prepared from them before Next: commit discards anything prepared earlier.
     */
    private void flowChoicesChanged() {
        if (source.getSelectedToggle() != null) {
            session.onlineKeySource = (CeremonySession.OnlineKeySource) source.getSelectedToggle().getUserData();
        }
        session.rotateOnlineKeys = rotatedRoles();
        context.wizard().choicesChanged();
    }

    private EnumSet<OnlineRole> rotatedRoles() {
        EnumSet<OnlineRole> rotate = EnumSet.noneOf(OnlineRole.class);
        rotateOnline.forEach((role, box) -> {
            if (box.isSelected()) {
                rotate.add(role);
            }
        });
        return rotate;
    }

    private static VBox indent(Node n) {
        VBox box = new VBox(n);
        box.getStyleClass().add("indent");
        return box;
    }

    private RadioButton radio(String key, CeremonySession.OnlineKeySource value) {
        RadioButton b = new RadioButton(Messages.get(key));
        b.setMnemonicParsing(true);
        b.setUserData(value);
        b.setToggleGroup(source);
        b.setId("online-" + value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return b;
    }

    private boolean complete() {
        if (bootstrap && repository.getText().isBlank()) {
            return false;
        }
        if (operator.getText().isBlank() || rootExpiry.getValue() == null || !rootExpiry.getValue().isAfter(today())) {
            return false;
        }
        boolean generating = bootstrap || rotateOnline.values().stream().anyMatch(CheckBox::isSelected);
        if (!generating || source.getSelectedToggle() == null) {
            return true;
        }
        return switch ((CeremonySession.OnlineKeySource) source.getSelectedToggle().getUserData()) {
            case GENERATE_TO_RECIPIENT -> recipient.getText().strip().startsWith("age1");
            case GENERATE_UNDER_PASSPHRASE -> true;
            case IMPORT -> !importFolder.getText().isBlank();
        };
    }

    @Override
    void onShow() {
        if (session.unlockedKey != null) {
            unlocked.setText(Messages.format("details.unlocked", session.unlockedKey.fingerprint()));
            unlocked.setVisible(true);
        }
    }

    @Override
    Node initialFocus() {
        return bootstrap ? repository : operator;
    }

    @Override
    void commit(Runnable proceed) {
        session.repository = bootstrap ? repository.getText().strip() : session.repository;
        session.operator = operator.getText().strip();
        session.witnesses = Arrays.stream(witnesses.getText().split("[\\n,]")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        session.keyType = keyType.getValue();
        session.rootExpiry = new Expiry.At(rootExpiry.getValue().atStartOfDay(ZoneOffset.UTC).toInstant());
        Expiries e = Expiries.defaults();
        for (OnlineRole role : OnlineRole.values()) {
            Duration d = Duration.ofDays(onlineDays.get(role).getValue());
            e = switch (role) {
                case TARGETS -> e.withTargets(d);
                case SNAPSHOT -> e.withSnapshot(d);
                case TIMESTAMP -> e.withTimestamp(d);
            };
        }
        session.expiries = e;
        session.keepRootKey = keepRootKey.isSelected();
        session.rotateOnlineKeys = rotatedRoles();
        session.onlineKeySource = (CeremonySession.OnlineKeySource) source.getSelectedToggle().getUserData();
        session.ageRecipient = recipient.getText().strip();
        session.importFolder = importFolder.getText().strip();
        session.discardPrepared();
        proceed.run();
    }

    /** Shows "ed25519 (recommended)" rather than the enum name. */
    private static final class KeyTypeCell extends ListCell<KeyType> {
        @Override
        protected void updateItem(KeyType item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Messages.get("keytype." + item.cliName()));
        }
    }
}
