package dev.tufceremony.ui;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Small builders for the look every page shares (CSS classes in wizard.css). */
final class Ui {
    private Ui() {
    }

    static Label text(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    static Label styled(String text, String... styleClasses) {
        Label l = text(text);
        l.getStyleClass().addAll(styleClasses);
        if (java.util.Arrays.asList(styleClasses).contains("field-label")) {
            l.setWrapText(false); // a label column never wraps ("backup A", "Key id")
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        return l;
    }

    static Label heading(String text) {
        return styled(text, "section-heading");
    }

    /** Key ids, hashes and fingerprints: monospace, selectable by nobody, large. */
    static Label mono(String text) {
        return styled(text, "mono");
    }

    /** A label whose mnemonic (Alt+letter, from "_" in the text) focuses {@code target}. */
    static Label labelFor(String text, Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        return l;
    }

    static VBox column(Node... children) {
        VBox box = new VBox(12, children);
        box.getStyleClass().add("column");
        return box;
    }

    static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(16);
        g.setVgap(10);
        g.getStyleClass().add("form");
        return g;
    }

    static void row(GridPane g, int row, String label, Node value) {
        Label l = styled(label, "field-label");
        g.add(l, 0, row);
        g.add(value, 1, row);
    }

    /** A green or red box that says in words what the colour means (colour alone is not enough). */
    static Label status(String text, boolean good) {
        Label l = styled(text, "status", good ? "status-ok" : "status-bad");
        return l;
    }

    static Label error(String id) {
        Label l = styled("", "error-box");
        l.setId(id);
        l.managedProperty().bind(l.visibleProperty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    static TextArea rawText(String text) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("mono");
        area.setPrefRowCount(18);
        return area;
    }

    /** 1 234 567 890 bytes as "1.2 GB" (decimal units, as printed on the drive). */
    static String bytes(long n) {
        if (n < 0) {
            return Messages.get("drive.unknown");
        }
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = n;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** A long hex string in groups of 4, so it can be read aloud and compared. */
    static String groups(String hex) {
        if (!hex.matches("[0-9a-fA-F]+")) {
            return hex; // e.g. "not running from a jar"
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(hex, i, Math.min(hex.length(), i + 4));
        }
        return b.toString();
    }
}
