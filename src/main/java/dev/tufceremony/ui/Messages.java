package dev.tufceremony.ui;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Every string the wizard shows comes from messages.properties (one place to translate or reword). */
final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.tufceremony.ui.messages");

    private Messages() {
    }

    static String get(String key) {
        return BUNDLE.getString(key);
    }

    /** MessageFormat pattern: apostrophes in such entries are written twice ('') in the bundle. */
    static String format(String key, Object... args) {
        return new MessageFormat(BUNDLE.getString(key), BUNDLE.getLocale()).format(args);
    }
}
