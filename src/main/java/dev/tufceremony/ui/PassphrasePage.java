package dev.tufceremony.ui;

import dev.tufceremony.passphrase.DicewareGenerator;
import dev.tufceremony.passphrase.PassphraseGate;
import dev.tufceremony.passphrase.PassphraseRating;
import dev.tufceremony.secret.Passphrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A new passphrase: typed twice, rated as it is typed (level, crack time, warning, suggestions), and
 * accepted only when the gate passes and both fields match. Also offers a diceware passphrase.
 */
class PassphrasePage extends WizardPage {
    /** Whose passphrase: the root key backups, or the exported online keys. */
    enum Purpose {
        ROOT, ONLINE
    }

    private final WizardContext context;
    private final CeremonySession session;
    private final Purpose purpose;
    private final PasswordField first = SecretFields.create("passphrase");
    private final PasswordField confirm = SecretFields.create("confirm");
    private final ProgressBar bar = new ProgressBar(0);
    private final Label level = Ui.styled("", "meter-level");
    private final Label crackTime = Ui.text("");
    private final Label warning = Ui.styled("", "meter-warning");
    private final VBox suggestions = new VBox(4);
    private final Label match = Ui.text("");
    private final VBox dicewareBox = new VBox(8);
    private final StrengthMeter meter;
    private PassphraseRating rating;
    private long ratedSequence = -1;

    PassphrasePage(WizardContext context, CeremonySession session, Purpose purpose) {
        this.context = context;
        this.session = session;
        this.purpose = purpose;
        this.meter = new StrengthMeter(session::userInputs, this::rated);
    }

    @Override
    String id() {
        return purpose == Purpose.ROOT ? "passphrase" : "online-passphrase";
    }

    @Override
    String title() {
        return Messages.get(purpose == Purpose.ROOT ? "passphrase.title" : "passphrase.online.title");
    }

    @Override
    protected Node build() {
        bar.setId("meter-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        level.setId("meter-level");
        crackTime.setId("meter-crack-time");
        warning.setId("meter-warning");
        suggestions.setId("meter-suggestions");
        match.setId("confirm-status");
        for (Label l : List.of(match, warning, level, crackTime)) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
        }
        dicewareBox.setId("diceware");

        // Invalidation listeners: they never ask the field for its text as a String.
        first.textProperty().addListener((InvalidationListener) o -> typed());
        confirm.textProperty().addListener((InvalidationListener) o -> updateValidity());

        Button generate = new Button(Messages.get("passphrase.generate"));
        generate.setMnemonicParsing(true);
        generate.setId("generate-diceware");
        generate.setOnAction(e -> showDiceware());

        GridPane form = Ui.grid();
        form.add(Ui.labelFor(Messages.get("passphrase.first"), first), 0, 0);
        form.add(first, 1, 0);
        form.add(Ui.labelFor(Messages.get("passphrase.confirm"), confirm), 0, 1);
        form.add(confirm, 1, 1);
        form.add(match, 1, 2);
        first.setPrefColumnCount(40);

        VBox meterBox = new VBox(6, Ui.styled(Messages.get("passphrase.meter"), "field-label"), bar, level,
                crackTime, warning, suggestions);
        meterBox.getStyleClass().add("meter");
        meterBox.setPadding(new Insets(8, 0, 8, 0));
        valid.set(false);
        dicewareBox.managedProperty().bind(Bindings.isNotEmpty(dicewareBox.getChildren()));
        return Ui.column(Ui.text(Messages.get(purpose == Purpose.ROOT ? "passphrase.help" : "passphrase.online.help")),
                generate, dicewareBox, form, meterBox);
    }

    @Override
    Node initialFocus() {
        return first;
    }

    private void typed() {
        if (first.getLength() == 0) {
            meter.submit(""); // bumps the sequence so a late result for old text is dropped
            rating = null;
            showRating(null);
        } else {
            meter.submit(first.getCharacters());
        }
        updateValidity();
    }

    private void rated(long sequence, PassphraseRating r) {
        if (sequence != meter.latest() || first.getLength() == 0) {
            return; // the operator typed on since: this result is stale
        }
        rating = r;
        ratedSequence = sequence;
        showRating(r);
        updateValidity();
    }

    private void showRating(PassphraseRating r) {
        bar.getStyleClass().removeAll("meter-ok", "meter-weak");
        if (r == null) {
            bar.setProgress(0);
            level.setText("");
            crackTime.setText("");
            warning.setText("");
            suggestions.getChildren().clear();
            return;
        }
        bar.setProgress(Math.min(1.0, r.log10Guesses() / PassphraseGate.MIN_LOG10_GUESSES));
        bar.getStyleClass().add(r.accepted() ? "meter-ok" : "meter-weak");
        String verdict = r.accepted()
                ? Messages.format("passphrase.accepted", String.format(Locale.ROOT, "%.0f", Math.floor(r.log10Guesses())))
                : r.rejectionReason().orElse(Messages.get("passphrase.rejected"));
        level.setText(Messages.format("passphrase.level", r.score(), verdict));
        crackTime.setText(Messages.format("passphrase.crackTime", r.crackTime()));
        // zxcvbn's warning and suggestions concern the weakest part; next to "Accepted" they read as a
        // contradiction, so they are shown while the passphrase is not yet accepted.
        warning.setText(r.accepted() || r.warning() == null || r.warning().isBlank() ? "" : r.warning());
        List<Node> lines = new ArrayList<>();
        if (!r.accepted()) {
            for (String s : r.suggestions()) {
                lines.add(Ui.text("• " + s));
            }
        }
        suggestions.getChildren().setAll(lines);
    }

    private void updateValidity() {
        boolean matches = first.getLength() > 0 && SecretFields.same(first, confirm);
        if (confirm.getLength() == 0) {
            match.setText("");
        } else {
            match.setText(Messages.get(matches ? "passphrase.match" : "passphrase.mismatch"));
        }
        String style = matches ? "good" : "bad";
        if (!match.getStyleClass().contains(style)) { // touching style classes re-runs CSS: only on change
            match.getStyleClass().removeAll("good", "bad");
            match.getStyleClass().add(style);
        }
        valid.set(matches && rating != null && rating.accepted() && ratedSequence == meter.latest());
    }

    private void showDiceware() {
        DicewareGenerator generator = context.services().diceware();
        Passphrase p = generator.generate();
        // Labels need Strings: these words are on screen to be written down, so they exist as text
        // until the page is left and the labels are dropped.
        List<String> words = splitWords(p.chars());
        p.destroy();
        FlowPane grid = new FlowPane(28, 8);
        for (int i = 0; i < words.size(); i++) {
            Label n = Ui.styled((i + 1) + ".", "diceware-number");
            Label w = Ui.styled(words.get(i), "diceware-word");
            w.setId("diceware-word-" + (i + 1));
            HBox pair = new HBox(8, n, w);
            pair.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
            grid.getChildren().add(pair);
        }
        Label info = Ui.text(Messages.format("passphrase.diceware.info", words.size(),
                String.format(Locale.ROOT, "%.0f", DicewareGenerator.entropyBits(words.size()))));
        dicewareBox.getChildren().setAll(info, grid);
        dicewareBox.getStyleClass().add("diceware");
        first.requestFocus();
    }

    private static List<String> splitWords(char[] chars) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= chars.length; i++) {
            if (i == chars.length || chars[i] == ' ') {
                if (i > start) {
                    words.add(new String(chars, start, i - start));
                }
                start = i + 1;
            }
        }
        return words;
    }

    @Override
    void commit(Runnable proceed) {
        char[] a = SecretFields.copyChars(first);
        Passphrase p = Passphrase.wrap(a);
        if (purpose == Purpose.ROOT) {
            session.setRootPassphrase(p);
        } else {
            session.setOnlinePassphrase(p);
        }
        session.discardPrepared();
        proceed.run();
    }

    @Override
    void onLeave() {
        // Forward or back: the fields are emptied, so the passphrase is typed again if needed.
        first.clear();
        confirm.clear();
        dicewareBox.getChildren().clear();
        dicewareBox.getStyleClass().remove("diceware");
    }

    void shutdown() {
        meter.shutdown();
    }

    // For the benchmark and tests: the two fields.
    PasswordField firstField() {
        return first;
    }

    PasswordField confirmField() {
        return confirm;
    }
}
