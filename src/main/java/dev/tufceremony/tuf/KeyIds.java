package dev.tufceremony.tuf;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Memoised {@link Key#keyId()}: a chain of roots lists the same keys again and again, and each
 * keyid costs a canonical encoding and a SHA-256. Keyed by key equality (keytype, scheme, keyval
 * and unknown fields), so a cached id is always the id of an equal key.
 */
final class KeyIds {
    private static final int MAX_ENTRIES = 4096;
    private static final Map<Key, String> CACHE = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private KeyIds() {
    }

    static String of(Key key) {
        synchronized (CACHE) {
            String id = CACHE.get(key);
            if (id != null) {
                return id;
            }
        }
        String id = key.keyId();
        synchronized (CACHE) {
            CACHE.put(key, id);
        }
        return id;
    }
}
