package dev.tufceremony.ceremony;

import com.fasterxml.jackson.core.JacksonException;
import dev.tufceremony.CeremonyError;
import dev.tufceremony.keys.KeyType;
import dev.tufceremony.keys.PublicKeys;
import dev.tufceremony.tuf.Json;
import dev.tufceremony.tuf.Key;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Where the targets, snapshot and timestamp keys come from at bootstrap. */
public sealed interface OnlineKeys {

    /** Generate all three here and export their private keys encrypted with {@code protection}. */
    record Generate(KeyType type, OnlineKeyProtection protection) implements OnlineKeys {
        public Generate {
            Objects.requireNonNull(type);
            Objects.requireNonNull(protection);
        }
    }

    /**
     * Use public keys made elsewhere (a cloud KMS, an HSM); only root.json is signed here, and the
     * online side signs targets, snapshot and timestamp itself.
     */
    record Import(Map<OnlineRole, Key> publicKeys) implements OnlineKeys {
        public Import {
            if (publicKeys.keySet().size() != OnlineRole.values().length) {
                throw new CeremonyError("Imported online keys must name targets, snapshot and timestamp; "
                        + publicKeys.keySet() + " were given.");
            }
            publicKeys = Map.copyOf(new EnumMap<>(publicKeys));
        }

        /**
         * Reads {@code <role>.pub.pem} (SubjectPublicKeyInfo PEM, as {@code openssl pkey -pubout}
         * or a cloud KMS prints it) or {@code <role>.json} (a TUF key object) for each online role.
         */
        public static Import fromDirectory(Path dir) {
            if (!Files.isDirectory(dir)) {
                throw new CeremonyError("The online keys folder " + dir
                        + " does not exist; give the folder holding targets/snapshot/timestamp .pub.pem or .json files.");
            }
            Map<OnlineRole, Key> keys = new EnumMap<>(OnlineRole.class);
            for (OnlineRole role : OnlineRole.values()) {
                Path pem = dir.resolve(role.roleName() + ".pub.pem");
                Path json = dir.resolve(role.roleName() + ".json");
                boolean hasPem = Files.isRegularFile(pem);
                boolean hasJson = Files.isRegularFile(json);
                if (hasPem && hasJson) {
                    throw new CeremonyError("The online keys folder " + dir + " has both " + pem.getFileName() + " and "
                            + json.getFileName() + "; keep only one public key per role.");
                }
                if (!hasPem && !hasJson) {
                    throw new CeremonyError("The online keys folder " + dir + " has no " + pem.getFileName() + " or "
                            + json.getFileName() + "; add the " + role.roleName() + " public key.");
                }
                keys.put(role, hasPem ? readPem(pem) : readJson(json));
            }
            return new Import(keys);
        }

        private static Key readPem(Path file) {
            try {
                return PublicKeys.fromSpkiPem(Files.readString(file, StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new CeremonyError("The public key file " + file + " could not be read (" + e.getClass().getSimpleName()
                        + "); check the file and its permissions.");
            } catch (CeremonyError e) {
                throw new CeremonyError("The public key file " + file + " is not usable: " + e.getMessage(), e);
            }
        }

        private static Key readJson(Path file) {
            Key key;
            try {
                key = Json.mapper().readValue(file.toFile(), Key.class);
            } catch (JacksonException e) {
                throw new CeremonyError("The key file " + file
                        + " is not a TUF key object with keytype, scheme and keyval; fix or replace it.");
            } catch (IOException e) {
                throw new CeremonyError("The key file " + file + " could not be read (" + e.getClass().getSimpleName()
                        + "); check the file and its permissions.");
            }
            try {
                // Parses the key material; rejects an unsupported keytype/scheme or a malformed value.
                KeyType.of(key);
                PublicKeys.toSpkiPem(key);
            } catch (CeremonyError e) {
                throw new CeremonyError("The key file " + file + " is not usable: " + e.getMessage(), e);
            }
            return key;
        }
    }
}
