package dev.tufceremony;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * Where JavaFX and the JDK send their own log records ({@link System.Logger}): warnings and errors,
 * one line each on standard error, nothing below. It replaces java.util.logging, whose start-up (time
 * zones, locale data, formatters) sat on the wizard's start-up path just to print the one warning
 * JavaFX gives when it runs from the class path. Registered in META-INF/services.
 */
public final class StderrLoggerFinder extends System.LoggerFinder {
    @Override
    public System.Logger getLogger(String name, Module module) {
        return new Logger(name);
    }

    private record Logger(String name) implements System.Logger {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            return level != Level.OFF && level.getSeverity() >= Level.WARNING.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                // The throwable's one-line form: stack traces are for --debug, which the CLI handles.
                System.err.println(level.getName() + ": " + msg + (thrown == null ? "" : " (" + thrown + ")"));
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                String msg = params == null || params.length == 0 ? format : MessageFormat.format(format, params);
                System.err.println(level.getName() + ": " + msg);
            }
        }
    }
}
