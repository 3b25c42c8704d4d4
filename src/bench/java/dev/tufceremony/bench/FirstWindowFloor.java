package dev.tufceremony.bench;

import com.sun.javafx.perf.PerformanceTracker;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor for the start-up benchmark: the least a JavaFX program can show (one Label in a window
 * of the wizard's size), timed exactly like the wizard (epoch time of the first painted frame).
 */
public final class FirstWindowFloor extends Application {
    /** Plain launcher, as for the wizard: JavaFX runs from the class path. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(FirstWindowFloor.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new Label("tuf-ceremony"), 1280, 800);
        stage.setScene(scene);
        AtomicBoolean first = new AtomicBoolean();
        PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
            if (first.compareAndSet(false, true)) {
                System.out.println("first-page-shown-epoch-ms=" + System.currentTimeMillis());
                Platform.runLater(Platform::exit);
            }
        });
        stage.show();
    }
}
