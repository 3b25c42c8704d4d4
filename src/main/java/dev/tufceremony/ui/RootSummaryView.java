package dev.tufceremony.ui;

import dev.tufceremony.ceremony.KeySummary;
import dev.tufceremony.ceremony.RoleSummary;
import dev.tufceremony.ceremony.RootSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** root.json for people: per role its threshold and keys (keyid, type, fingerprint), the expiry, and the raw JSON folded away. */
final class RootSummaryView {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private RootSummaryView() {
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }

    static VBox of(RootSummary root) {
        VBox box = new VBox(12);
        box.setId("root-summary");
        box.getChildren().add(Ui.styled(Messages.format("root.header", root.version(), date(root.expires())), "root-header"));
        for (RoleSummary role : root.roles()) {
            GridPane g = Ui.grid();
            g.getStyleClass().add("role-box");
            g.setId("role-" + role.role());
            g.add(Ui.styled(Messages.format("root.role", role.role(), role.threshold(), role.keys().size()), "role-title"), 0, 0, 3, 1);
            int row = 1;
            for (KeySummary k : role.keys()) {
                g.add(Ui.styled(Messages.get("root.fingerprint"), "field-label"), 0, row);
                g.add(Ui.styled(k.fingerprint(), "mono", "fingerprint"), 1, row);
                g.add(Ui.text(k.keytype()), 2, row++);
                g.add(Ui.styled(Messages.get("root.keyid"), "field-label"), 0, row);
                g.add(Ui.styled(k.keyid(), "mono", "keyid"), 1, row++, 2, 1);
            }
            box.getChildren().add(g);
        }
        TitledPane raw = new TitledPane(Messages.get("root.raw"), Ui.rawText(root.json()));
        raw.setId("raw-json");
        raw.setExpanded(false);
        box.getChildren().add(raw);
        return box;
    }
}
