package dev.tufceremony.backup;

import dev.tufceremony.CeremonyError;
import dev.tufceremony.keys.KeyFormatException;
import dev.tufceremony.keys.PublicKeys;
import dev.tufceremony.keys.SigningKey;
import dev.tufceremony.secret.Passphrase;
import dev.tufceremony.secret.SecretBytes;
import dev.tufceremony.tuf.Key;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A root key's backup on one drive (DESIGN §4): under {@code tuf-ceremony/<repository>/} the
 * encrypted key {@code root-<keyid16>.key.age} (age v1, one scrypt recipient, PKCS#8 PEM inside),
 * its public sidecar {@code .pub.json}, the {@code root.json} it signed and {@code RECOVERY.txt}.
 * Writing returns the files' bytes (the caller writes them durably); opening decrypts and proves
 * the key is the one expected.
 */
public final class KeyBackup {
    /** Top folder on every backup drive. */
    public static final String TOP_DIRECTORY = "tuf-ceremony";
    public static final String ROOT_ROLE = "root";
    static final String KEY_SUFFIX = ".key.age";
    static final String SIDECAR_SUFFIX = ".pub.json";
    /** A PKCS#8 PEM of a 4096-bit RSA key is under 4 KiB; anything this large is not a key backup. */
    static final long MAX_FILE_SIZE = 1 << 20;

    private KeyBackup() {
    }

    /** {@code tuf-ceremony/<repository>} under a drive's root. */
    public static Path directory(Path driveRoot, String repository) {
        checkRepositoryName(repository);
        return driveRoot.resolve(TOP_DIRECTORY).resolve(repository);
    }

    /** {@code <role>-<first 16 hex of keyid>} */
    public static String baseName(String role, String keyId) {
        return role + "-" + keyId.substring(0, 16);
    }

    /**
     * The four files of a root key backup, by path relative to the drive root, in the order to write
     * them (key file first, RECOVERY.txt last). The passphrase and key are not kept; every
     * intermediate secret array is wiped.
     */
    public static Map<String, byte[]> write(SigningKey key, String repository, byte[] rootJson, Passphrase passphrase,
            WorkFactor workFactor, Instant created, SecureRandom random) {
        checkRepositoryName(repository);
        String base = baseName(ROOT_ROLE, key.keyId());
        String dir = TOP_DIRECTORY + "/" + repository + "/";
        KeySidecar sidecar = new KeySidecar(key.publicKey(), key.keyId(), key.type().tufKeytype(), created,
                KeySidecar.FORMAT_SCRYPT, OptionalInt.of(workFactor.logN()), repository, ROOT_ROLE);
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] pem = key.toPkcs8Pem();
        try {
            files.put(dir + base + KEY_SUFFIX, AgeEncryptor.encryptWithPassphrase(pem, passphrase, workFactor, random));
        } finally {
            Arrays.fill(pem, (byte) 0);
        }
        files.put(dir + base + SIDECAR_SUFFIX, sidecar.toJson());
        files.put(dir + "root.json", rootJson.clone());
        files.put(dir + "RECOVERY.txt", RecoveryInstructions.text(sidecar, base + KEY_SUFFIX, PublicKeys.toSpkiPem(key.publicKey()))
                .getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /**
     * The two files of an online key exported to a team's age public key (DESIGN §4 export layout
     * {@code online-keys/<role>-<keyid16>.key.age + .pub.json}), by name relative to that folder.
     */
    public static Map<String, byte[]> exportToRecipient(SigningKey key, String role, String repository,
            X25519Recipient recipient, Instant created, SecureRandom random) {
        return onlineKeyFiles(key, role, repository, created, KeySidecar.FORMAT_X25519, OptionalInt.empty(),
                pem -> AgeEncryptor.encryptToRecipient(pem, recipient, random));
    }

    /**
     * The two files of an online key exported under a passphrase (same layout as
     * {@link #exportToRecipient}; the sidecar records the scrypt work factor like a root backup's).
     * The passphrase is not kept; the PEM is wiped.
     */
    public static Map<String, byte[]> exportUnderPassphrase(SigningKey key, String role, String repository,
            Passphrase passphrase, WorkFactor workFactor, Instant created, SecureRandom random) {
        return onlineKeyFiles(key, role, repository, created, KeySidecar.FORMAT_SCRYPT, OptionalInt.of(workFactor.logN()),
                pem -> AgeEncryptor.encryptWithPassphrase(pem, passphrase, workFactor, random));
    }

    private static Map<String, byte[]> onlineKeyFiles(SigningKey key, String role, String repository, Instant created,
            String format, OptionalInt workFactor, UnaryOperator<byte[]> encrypt) {
        checkRepositoryName(repository);
        String base = baseName(role, key.keyId());
        KeySidecar sidecar = new KeySidecar(key.publicKey(), key.keyId(), key.type().tufKeytype(), created,
                format, workFactor, repository, role);
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] pem = key.toPkcs8Pem();
        try {
            files.put(base + KEY_SUFFIX, encrypt.apply(pem));
        } finally {
            Arrays.fill(pem, (byte) 0);
        }
        files.put(base + SIDECAR_SUFFIX, sidecar.toJson());
        return files;
    }

    /** The encrypted root key files in a repository's backup folder on a drive (none if the folder is absent). */
    public static List<Path> find(Path driveRoot, String repository) {
        Path dir = directory(driveRoot, repository);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(ROOT_ROLE + "-") && n.endsWith(KEY_SUFFIX);
            }).sorted().toList();
        } catch (IOException e) {
            throw new KeyBackupException.MissingBackup("The backup folder " + dir + " cannot be listed (" + e.getMessage()
                    + "): check that the drive is mounted and readable.");
        }
    }

    /**
     * Decrypts {@code keyFile} and proves it holds the key its sidecar names and, when
     * {@code expectedKeys} is not empty, one of those keys (the root keys of root.json). The
     * caller closes the result, which destroys the key.
     *
     * @throws KeyBackupException.WrongPassphrase the passphrase does not open the file
     * @throws KeyBackupException.DamagedBackup the file or its sidecar is malformed, truncated or altered
     * @throws KeyBackupException.UnexpectedKey the file opens but holds another key
     * @throws KeyBackupException.MissingBackup the file or its sidecar is missing or unreadable
     */
    public static OpenedKey open(Path keyFile, Passphrase passphrase, Collection<Key> expectedKeys) {
        String name = keyFile.getFileName().toString();
        if (!name.endsWith(KEY_SUFFIX)) {
            throw new KeyBackupException.MissingBackup("'" + keyFile + "' is not a key backup file (its name must end in "
                    + KEY_SUFFIX + "): choose the root-<keyid>.key.age file on the backup drive.");
        }
        Path sidecarFile = keyFile.resolveSibling(name.substring(0, name.length() - KEY_SUFFIX.length()) + SIDECAR_SUFFIX);
        byte[] encrypted = readSmall(keyFile, "encrypted key");
        KeySidecar sidecar;
        try {
            sidecar = KeySidecar.parse(readSmall(sidecarFile, "public sidecar"));
        } catch (IllegalArgumentException e) {
            throw new KeyBackupException.DamagedBackup("The sidecar " + sidecarFile + " is damaged (" + e.getMessage()
                    + "): check the other backup drive, or compare the key by hand as RECOVERY.txt explains.");
        }
        if (!name.equals(baseName(sidecar.role(), sidecar.keyId()) + KEY_SUFFIX)) {
            throw new KeyBackupException.DamagedBackup("The sidecar " + sidecarFile + " names key " + shortId(sidecar.keyId())
                    + ", not the one in the file name " + name + ": the backup folder was altered; use the other backup drive.");
        }

        AgeFile age;
        try {
            age = AgeFile.parse(encrypted);
            if (age.stanzas().size() != 1 || !age.isPassphraseEncrypted()) {
                throw new KeyBackupException.DamagedBackup("The file " + keyFile
                        + " is an age file but not encrypted with exactly one passphrase: it is not a key backup this program wrote.");
            }
            age.passphraseWorkFactor();
        } catch (AgeException e) {
            throw damaged(keyFile, e);
        }
        WorkFactor workFactor = age.passphraseWorkFactor().orElseThrow();
        SecretBytes pem;
        try {
            pem = age.decrypt(passphrase);
        } catch (AgeException e) {
            if (e.stage() == AgeException.Stage.NO_MATCH) {
                throw new KeyBackupException.WrongPassphrase("The passphrase does not open " + keyFile
                        + ": type it again (if you are sure it is right, this copy may be damaged: try the other backup drive).");
            }
            throw damaged(keyFile, e);
        }
        SigningKey key;
        try (pem) {
            key = SigningKey.fromPkcs8Pem(pem.reveal());
        } catch (KeyFormatException e) {
            throw new KeyBackupException.DamagedBackup("The file " + keyFile
                    + " decrypts, but not to a supported PKCS#8 private key: it is not a key backup this program wrote.");
        }
        try {
            if (!key.keyId().equals(sidecar.keyId())) {
                throw new KeyBackupException.UnexpectedKey("The file " + keyFile + " holds key " + shortId(key.keyId())
                        + ", not " + shortId(sidecar.keyId()) + " that its sidecar names: the files were mixed up; use the other backup drive.");
            }
            if (!expectedKeys.isEmpty() && expectedKeys.stream().noneMatch(k -> sameKey(k, key.publicKey()))) {
                throw new KeyBackupException.UnexpectedKey("The file " + keyFile + " holds key " + shortId(key.keyId())
                        + ", which is not a root key of the given root.json: this is a backup of another key or repository.");
            }
            return new OpenedKey(key, sidecar, workFactor, keyFile);
        } catch (RuntimeException e) {
            key.destroy();
            throw e;
        }
    }

    /** Same key if the keyids match, or (for keys another tool wrote, e.g. legacy keytypes) the same public key. */
    private static boolean sameKey(Key expected, Key actual) {
        if (expected.keyId().equals(actual.keyId())) {
            return true;
        }
        try {
            return PublicKeys.toSpkiPem(expected).equals(PublicKeys.toSpkiPem(actual));
        } catch (CeremonyError e) {
            return false;
        }
    }

    private static KeyBackupException.DamagedBackup damaged(Path keyFile, AgeException e) {
        String what = switch (e.stage()) {
            case HMAC -> "its header was altered or damaged (the header MAC does not match)";
            case PAYLOAD -> "its encrypted content was altered, damaged or truncated";
            default -> "its age header is invalid: " + lowerFirst(stripPeriod(e.getMessage()));
        };
        return new KeyBackupException.DamagedBackup("The file " + keyFile + " is damaged: " + what
                + "; use the other backup drive.");
    }

    private static byte[] readSmall(Path file, String what) {
        try {
            if (!Files.exists(file)) {
                throw new KeyBackupException.MissingBackup("The " + what + " " + file
                        + " is missing: check that the right backup drive is mounted.");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_SIZE) {
                throw new KeyBackupException.DamagedBackup("The " + what + " " + file + " is " + size
                        + " bytes, far too large for a key backup: it is not the file this program wrote.");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeyBackupException.MissingBackup("The " + what + " " + file
                    + " is missing: check that the right backup drive is mounted.");
        } catch (IOException e) {
            throw new KeyBackupException.MissingBackup("The " + what + " " + file + " cannot be read (" + e.getMessage()
                    + "): check the drive, or use the other backup drive.");
        }
    }

    private static void checkRepositoryName(String repository) {
        if (repository == null || !repository.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new CeremonyError("The repository name '" + repository
                    + "' is not usable as a folder name: use letters, digits, '.', '_' or '-'.");
        }
    }

    static String shortId(String keyId) {
        return keyId.substring(0, Math.min(16, keyId.length()));
    }

    private static String stripPeriod(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** A key opened from a backup, with what the file said about itself. Closing destroys the key. */
    public static final class OpenedKey implements AutoCloseable {
        private final SigningKey key;
        private final KeySidecar sidecar;
        private final WorkFactor workFactor;
        private final Path file;

        OpenedKey(SigningKey key, KeySidecar sidecar, WorkFactor workFactor, Path file) {
            this.key = key;
            this.sidecar = sidecar;
            this.workFactor = workFactor;
            this.file = file;
        }

        public SigningKey key() {
            return key;
        }

        public KeySidecar sidecar() {
            return sidecar;
        }

        /** The file's scrypt work factor; {@link WorkFactor#isTestOnly()} marks a file not fit for a real key. */
        public WorkFactor workFactor() {
            return workFactor;
        }

        public Path file() {
            return file;
        }

        @Override
        public void close() {
            key.destroy();
        }
    }
}
