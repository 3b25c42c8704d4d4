package dev.tufceremony.ui;

import dev.tufceremony.media.Drive;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import java.util.function.Function;

/**
 * The live table of detected drives (label, size, free space, bus, serial, where mounted) and the
 * operator's choice in it. The choice survives rescans, follows its drive by mount path, and is
 * dropped when that drive is pulled out.
 */
final class DrivePicker {
    private final TableView<Drive> table = new TableView<>();
    private final ObjectProperty<Drive> chosen = new SimpleObjectProperty<>();
    private final VBox node;
    private boolean refreshing;

    DrivePicker(DriveWatcher watcher, String id) {
        table.setId(id);
        table.getStyleClass().add("drive-table");
        // The table has its own list, refreshed inside refreshing=true: a rescan's setAll makes the
        // table clear its selection, which must not count as the operator un-choosing the drive.
        table.setItems(FXCollections.observableArrayList(watcher.drives()));
        table.setPlaceholder(Ui.text(Messages.get("drive.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(230);
        table.getColumns().add(column("drive.col.label", d -> d.label()));
        table.getColumns().add(column("drive.col.size", d -> Ui.bytes(d.totalBytes())));
        table.getColumns().add(column("drive.col.free", d -> Ui.bytes(d.freeBytes())));
        table.getColumns().add(column("drive.col.bus", d -> d.bus().displayName()));
        table.getColumns().add(column("drive.col.serial", DrivePicker::serial));
        table.getColumns().add(column("drive.col.mount", d -> d.mountPath().toString()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!refreshing) {
                chosen.set(now);
            }
        });
        watcher.drives().addListener((ListChangeListener<Drive>) change -> refresh(watcher.drives()));
        Label error = Ui.error(id + "-scan-error");
        error.textProperty().bind(watcher.scanError());
        node = new VBox(8, table, error);
    }

    VBox node() {
        return node;
    }

    TableView<Drive> table() {
        return table;
    }

    ObjectProperty<Drive> chosen() {
        return chosen;
    }

    /** Shown in the table and on the Finish page: the serial if the OS told us, else the device. */
    static String serial(Drive d) {
        return d.device().serial() != null ? d.device().serial() : d.device().describe();
    }

    private void refresh(List<Drive> now) {
        Drive was = chosen.get();
        refreshing = true;
        try {
            table.getItems().setAll(now);
            table.getSelectionModel().clearSelection();
            if (was == null) {
                return;
            }
            for (Drive d : table.getItems()) {
                if (d.mountPath().equals(was.mountPath())) {
                    table.getSelectionModel().select(d);
                    chosen.set(d);
                    return;
                }
            }
            chosen.set(null); // pulled out
        } finally {
            refreshing = false;
        }
    }

    private static TableColumn<Drive, String> column(String key, Function<Drive, String> value) {
        TableColumn<Drive, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }
}
