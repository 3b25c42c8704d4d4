package dev.tufceremony.ceremony;

import dev.tufceremony.tuf.Key;

/** One key as shown to the operator and witnesses. */
public record KeySummary(String role, String keyid, String keytype, String fingerprint) {
    public static KeySummary of(String role, Key key) {
        return new KeySummary(role, key.keyId(), key.keytype(), fingerprint(key.keyId()));
    }

    /** The first 16 hex digits of the keyid in groups of 4, easy to read aloud and compare. */
    public static String fingerprint(String keyid) {
        String head = keyid.substring(0, Math.min(16, keyid.length()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < head.length(); i += 4) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(head, i, Math.min(i + 4, head.length()));
        }
        return sb.toString();
    }
}
