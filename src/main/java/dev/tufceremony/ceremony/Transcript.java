package dev.tufceremony.ceremony;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tufceremony.BuildInfo;
import dev.tufceremony.CeremonyError;
import dev.tufceremony.keys.SignatureVerifier;
import dev.tufceremony.keys.Signer;
import dev.tufceremony.tuf.Json;
import dev.tufceremony.tuf.Key;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ceremony record the witnesses keep. Each line is {@code <SHA-256 hex of the previous line> <text>}
 * (the first line's previous hash is 64 zeros), so removing, reordering or editing a line breaks the
 * next one; the last line and everything else are covered by a detached signature by a root key over
 * the whole file, kept beside it as {@code <file>.sig} (JSON: the file's SHA-256 and
 * {@code signatures: [{keyid, sig}]}, sig in hex as in TUF metadata).
 *
 * <p>The transcript is built in memory and written only at the end of a ceremony; it never holds
 * secrets: keyids, file names and hashes only.
 */
public final class Transcript {
    /** The first line's text; names the format so a reader knows how to check it. */
    public static final String FORMAT_LINE = "tuf-ceremony transcript, format 1: each line starts with the SHA-256 of the previous line";
    static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private final List<String> lines = new ArrayList<>();
    private final Clock clock;
    private String previousHash = GENESIS;

    private Transcript(Clock clock) {
        this.clock = clock;
    }

    /** Starts a transcript with the header every ceremony records (issue 5). */
    public static Transcript begin(CeremonyKind kind, String repository, People people, AirGapStatus airGap, Clock clock) {
        Transcript t = new Transcript(clock);
        t.append(FORMAT_LINE);
        t.field("ceremony", kind.slug());
        t.field("repository", repository);
        t.field("started", now(clock));
        t.field("program", "tuf-ceremony " + BuildInfo.version());
        t.field("program-sha256", BuildInfo.runningJarSha256());
        t.field("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        t.field("java", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version",
                System.getProperty("java.version")));
        t.field("operator", people.operator().isEmpty() ? "(not named)" : people.operator());
        if (people.witnesses().isEmpty()) {
            t.field("witnesses", "(none)");
        }
        for (String w : people.witnesses()) {
            t.field("witness", w);
        }
        t.field("air-gap", airGap.describe());
        if (!airGap.airGapped()) {
            t.field("WARNING", "this machine was connected to a network during the ceremony: " + String.join(", ", airGap.upInterfaces()));
        }
        return t;
    }

    /** A named fact ({@code name: value}), e.g. "root-version: 2" or "deviation: …". */
    public void field(String name, String value) {
        append(name + ": " + value);
    }

    /** A departure from the rules, recorded loudly. */
    public void deviation(String text) {
        field("DEVIATION", text);
    }

    /** One ceremony step: UTC time, step, result, keyids, and the SHA-256 of each file written. */
    public void step(String step, String result, List<String> keyids, List<WrittenFile> files) {
        StringBuilder sb = new StringBuilder();
        sb.append(now(clock)).append(" | ").append(step).append(" | ").append(result);
        if (!keyids.isEmpty()) {
            sb.append(" | keyids ").append(String.join(", ", keyids));
        }
        for (WrittenFile f : files) {
            sb.append(" | ").append(f.medium()).append(": ").append(f.path()).append(" sha256 ").append(f.sha256())
                    .append(" (").append(f.size()).append(" bytes)");
        }
        append(sb.toString());
    }

    public void step(String step, String result) {
        step(step, result, List.of(), List.of());
    }

    /** The file's bytes: UTF-8, one LF after every line. */
    public byte[] toBytes() {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The detached signature file ({@code <file>.sig}) over {@code transcript}, by each signer. */
    public static byte[] signatureFile(byte[] transcript, List<? extends Signer> signers) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("format", "tuf-ceremony transcript signature 1");
        root.put("transcript_sha256", sha256Hex(transcript));
        ArrayNode sigs = root.putArray("signatures");
        for (Signer s : signers) {
            ObjectNode o = sigs.addObject();
            o.put("keyid", s.keyId());
            o.put("sig", HEX.formatHex(s.sign(transcript)));
        }
        try {
            return (Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks the hash chain only. */
    public static TranscriptVerification verifyChain(byte[] transcript) {
        List<String> problems = new ArrayList<>();
        int n = checkChain(transcript, problems);
        return new TranscriptVerification(n, problems.isEmpty(), false, List.of(), problems);
    }

    /**
     * Checks the hash chain and that the detached signature is a valid signature by a root key of
     * {@code rootJson} (a root metadata file) over the whole file.
     */
    public static TranscriptVerification verify(Path transcriptFile, Path signatureFile, Path rootJson) {
        byte[] transcript = read(transcriptFile, "transcript");
        byte[] sig = read(signatureFile, "transcript signature");
        Map<String, Key> rootKeys = rootKeys(rootJson);
        List<String> problems = new ArrayList<>();
        int n = checkChain(transcript, problems);
        boolean chainIntact = problems.isEmpty();
        List<String> signedBy = new ArrayList<>();
        JsonNode sigDoc;
        try {
            sigDoc = Json.mapper().readTree(sig);
        } catch (IOException e) {
            sigDoc = null;
        }
        if (sigDoc == null || !sigDoc.path("signatures").isArray()) {
            problems.add("The signature file " + signatureFile + " is not a transcript signature (JSON with signatures).");
        } else {
            if (!sha256Hex(transcript).equals(sigDoc.path("transcript_sha256").asText())) {
                problems.add("The transcript " + transcriptFile + " does not have the SHA-256 its signature file records: it was changed after signing.");
            }
            boolean anyByRootKey = false;
            for (JsonNode s : sigDoc.path("signatures")) {
                String keyid = s.path("keyid").asText();
                Key key = rootKeys.get(keyid);
                if (key == null) {
                    continue;
                }
                anyByRootKey = true;
                byte[] sigBytes;
                try {
                    sigBytes = HEX.parseHex(s.path("sig").asText());
                } catch (IllegalArgumentException e) {
                    sigBytes = new byte[0];
                }
                if (SignatureVerifier.verify(key, transcript, sigBytes)) {
                    signedBy.add(keyid);
                } else {
                    problems.add("The signature by root key " + keyid.substring(0, 16) + " over " + transcriptFile
                            + " is not valid: the transcript or its signature was changed.");
                }
            }
            if (!anyByRootKey) {
                problems.add("The transcript " + transcriptFile + " is not signed by any root key of " + rootJson
                        + "; check it against the root version the ceremony produced.");
            }
        }
        return new TranscriptVerification(n, chainIntact, !signedBy.isEmpty(), signedBy, problems);
    }

    /** The value of the first header field {@code name}, if present. */
    public static Optional<String> field(byte[] transcript, String name) {
        for (String line : new String(transcript, StandardCharsets.UTF_8).split("\n")) {
            int space = line.indexOf(' ');
            if (space == 64) {
                String text = line.substring(65);
                if (text.startsWith(name + ": ")) {
                    return Optional.of(text.substring(name.length() + 2));
                }
            }
        }
        return Optional.empty();
    }

    private static int checkChain(byte[] transcript, List<String> problems) {
        String text = new String(transcript, StandardCharsets.UTF_8);
        if (text.isEmpty() || !text.endsWith("\n")) {
            problems.add("The transcript is empty or does not end with a complete line: it was cut short or changed.");
            if (text.isEmpty()) {
                return 0;
            }
        }
        String[] ls = text.split("\n", -1);
        int count = text.endsWith("\n") ? ls.length - 1 : ls.length;
        String expected = GENESIS;
        for (int i = 0; i < count; i++) {
            String line = ls[i];
            if (line.length() < 65 || line.charAt(64) != ' ' || !line.substring(0, 64).equals(expected)) {
                problems.add("Line " + (i + 1) + " of the transcript does not carry the SHA-256 of "
                        + (i == 0 ? "the chain start" : "line " + i) + ": the transcript was changed.");
                return count;
            }
            expected = sha256Hex(line.getBytes(StandardCharsets.UTF_8));
        }
        if (count == 0 || !ls[0].substring(65).equals(FORMAT_LINE)) {
            problems.add("The transcript does not start with the tuf-ceremony format line.");
        }
        return count;
    }

    private void append(String text) {
        String clean = text.replaceAll("[\\p{Cntrl}&&[^\\t]]", " ");
        String line = previousHash + " " + clean;
        lines.add(line);
        previousHash = sha256Hex(line.getBytes(StandardCharsets.UTF_8));
    }

    private static String now(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CeremonyError("The " + what + " file " + file + " does not exist; give the path of the file to check.");
        } catch (IOException e) {
            throw new CeremonyError("The " + what + " file " + file + " could not be read (" + e.getClass().getSimpleName()
                    + "); check the path and its permissions.");
        }
    }

    /** The root role's keys from a root metadata file, by keyid. */
    static Map<String, Key> rootKeys(Path rootJson) {
        byte[] bytes = read(rootJson, "root metadata");
        try {
            JsonNode signed = Json.mapper().readTree(bytes).path("signed");
            Map<String, Key> out = new LinkedHashMap<>();
            for (JsonNode id : signed.path("roles").path("root").path("keyids")) {
                JsonNode k = signed.path("keys").path(id.asText());
                if (!k.isMissingNode()) {
                    out.put(id.asText(), Json.mapper().treeToValue(k, Key.class));
                }
            }
            if (out.isEmpty()) {
                throw new CeremonyError("The file " + rootJson + " names no root keys; give a root.json of this repository.");
            }
            return out;
        } catch (IOException e) {
            throw new CeremonyError("The file " + rootJson + " is not valid root metadata JSON; give a root.json of this repository.");
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
