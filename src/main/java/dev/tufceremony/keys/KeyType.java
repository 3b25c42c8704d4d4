package dev.tufceremony.keys;

import dev.tufceremony.tuf.Key;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The key types this program generates and verifies (TUF spec §4.2 keytype + scheme). */
public enum KeyType {
    ED25519("ed25519", "ed25519", "ed25519"),
    ECDSA_P256("ecdsa", "ecdsa-sha2-nistp256", "ecdsa"),
    RSA_PSS("rsa", "rsassa-pss-sha256", "rsa");

    private final String tufKeytype;
    private final String scheme;
    private final String cliName;

    KeyType(String tufKeytype, String scheme, String cliName) {
        this.tufKeytype = tufKeytype;
        this.scheme = scheme;
        this.cliName = cliName;
    }

    public String tufKeytype() {
        return tufKeytype;
    }

    public String scheme() {
        return scheme;
    }

    public String cliName() {
        return cliName;
    }

    public static KeyType fromCliName(String name) {
        for (KeyType t : values()) {
            if (t.cliName.equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new KeyFormatException("Unknown key type '" + name + "'; use one of "
                + Arrays.stream(values()).map(KeyType::cliName).collect(Collectors.joining(", ")) + ".");
    }

    /** The type of a TUF key object; older metadata says keytype "ecdsa-sha2-nistp256" (DESIGN §4). */
    public static KeyType of(Key key) {
        String kt = key.keytype();
        for (KeyType t : values()) {
            boolean keytypeMatches = t.tufKeytype.equals(kt) || (t == ECDSA_P256 && "ecdsa-sha2-nistp256".equals(kt));
            if (keytypeMatches && t.scheme.equals(key.scheme())) {
                return t;
            }
        }
        throw new KeyFormatException("Unsupported key: keytype '" + kt + "' with scheme '" + key.scheme()
                + "'; supported are ed25519/ed25519, ecdsa/ecdsa-sha2-nistp256 and rsa/rsassa-pss-sha256.");
    }
}
