package dev.tufceremony.tuf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads and writes metadata files. Reading is strict (duplicate JSON keys, wrong types, missing
 * fields and oversized files are refused with the file name and JSON path) and keeps unknown
 * fields; writing is python-tuf's layout (sorted keys, one-space indent) plus a final newline.
 */
public final class MetadataCodec {
    /** Largest metadata file we read; checked before parsing. */
    public static final long MAX_METADATA_BYTES = 16L * 1024 * 1024;

    private static final ObjectReader READER = Json.mapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private MetadataCodec() {
    }

    /** Reads metadata whose "signed" must be of the given type. */
    public static <T extends Signed> Metadata<T> read(byte[] bytes, Class<T> type, String fileName) {
        Metadata<? extends Signed> m = readAny(bytes, fileName, typeName(type));
        return castTo(m, type);
    }

    /** Reads metadata of any of the four top-level types, dispatching on "_type". */
    public static Metadata<? extends Signed> readAny(byte[] bytes, String fileName) {
        return readAny(bytes, fileName, null);
    }

    /** Reads a file, refusing one over {@link #MAX_METADATA_BYTES} before reading it. */
    public static <T extends Signed> Metadata<T> readFile(Path file, Class<T> type, String displayName) {
        return read(readBytes(file, displayName), type, displayName);
    }

    /** The bytes of a metadata file, refusing a missing or oversized file with a clear message. */
    public static byte[] readBytes(Path file, String displayName) {
        try {
            long size = Files.size(file);
            if (size > MAX_METADATA_BYTES) {
                throw tooLarge(displayName, size);
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes((int) MAX_METADATA_BYTES + 1);
                if (bytes.length > MAX_METADATA_BYTES) {
                    throw tooLarge(displayName, bytes.length);
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new MetadataFormatException(displayName, "", "does not exist");
        } catch (IOException e) {
            throw new MetadataFormatException(displayName, "", "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static MetadataFormatException tooLarge(String name, long size) {
        return new MetadataFormatException(name, "", "is " + size + " bytes, larger than the " + MAX_METADATA_BYTES
                + "-byte (16 MiB) limit for metadata files; refusing to parse it");
    }

    /** The file as written: python-tuf's pretty layout with sorted keys and a trailing newline. */
    public static byte[] write(Metadata<?> metadata) {
        return (PrettyJson.write(toJson(metadata)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The whole metadata object as a JSON tree ("signed" as parsed or built). */
    public static ObjectNode toJson(Metadata<?> metadata) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        metadata.unrecognized().forEach((k, v) -> node.set(k, v.deepCopy()));
        var sigs = node.putArray("signatures");
        metadata.signatures().forEach(s -> sigs.add(s.toJson()));
        node.set("signed", metadata.signedJson());
        return node;
    }

    static String typeName(Class<? extends Signed> type) {
        if (type == Root.class) {
            return Root.TYPE;
        } else if (type == Targets.class) {
            return Targets.TYPE;
        } else if (type == Snapshot.class) {
            return Snapshot.TYPE;
        } else if (type == Timestamp.class) {
            return Timestamp.TYPE;
        }
        throw new IllegalArgumentException(type.getName());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Signed> Metadata<T> castTo(Metadata<? extends Signed> m, Class<T> type) {
        if (!type.isInstance(m.signed())) {
            throw new IllegalStateException("type mismatch");
        }
        return (Metadata<T>) m;
    }

    private static Metadata<? extends Signed> readAny(byte[] bytes, String fileName, String expectedType) {
        if (bytes.length > MAX_METADATA_BYTES) {
            throw tooLarge(fileName, bytes.length);
        }
        JsonNode tree = parse(bytes, fileName);
        JsonFields top = JsonFields.of(fileName, "$", tree);
        JsonNode sigsNode = top.required("signatures");
        if (!sigsNode.isArray()) {
            throw top.error("signatures", "must be a JSON array, found " + JsonFields.describe(sigsNode));
        }
        List<Signature> signatures = new ArrayList<>();
        Set<String> keyids = new HashSet<>();
        int i = 0;
        for (JsonNode s : sigsNode) {
            String path = "$.signatures[" + i + "]";
            Signature sig = Signature.fromJson(JsonFields.of(fileName, path, s));
            if (!keyids.add(sig.keyid())) {
                // python-tuf refuses this too: a keyid may sign once.
                throw new MetadataFormatException(fileName, path, "is a second signature by keyid " + sig.keyid()
                        + "; each key may sign a file only once");
            }
            signatures.add(sig);
            i++;
        }
        JsonFields signedFields = top.object("signed");
        JsonNode typeNode = signedFields.node().get("_type");
        String type = typeNode != null && typeNode.isTextual() ? typeNode.textValue() : null;
        if (type == null) {
            signedFields.string("_type"); // throws the precise error
        }
        if (expectedType != null && !expectedType.equals(type)) {
            throw new MetadataFormatException(fileName, "$.signed._type", "is \"" + type + "\" but this file must hold "
                    + expectedType + " metadata");
        }
        Signed signed;
        try {
            signed = switch (type) {
                case Root.TYPE -> Root.fromJson(signedFields);
                case Targets.TYPE -> Targets.fromJson(signedFields);
                case Snapshot.TYPE -> Snapshot.fromJson(signedFields);
                case Timestamp.TYPE -> Timestamp.fromJson(signedFields);
                default -> throw new MetadataFormatException(fileName, "$.signed._type",
                        "is \"" + type + "\", not one of root, targets, snapshot, timestamp");
            };
        } catch (IllegalArgumentException e) {
            // A model invariant not already reported with a path.
            throw new MetadataFormatException(fileName, "$.signed", "is invalid: " + e.getMessage());
        }
        Map<String, JsonNode> unrecognized = new TreeMap<>(top.unrecognized());
        // The freshly parsed tree is owned by nobody else, so it is kept without a copy.
        return new Metadata<>(signed, signedFields.node(), signatures, unrecognized);
    }

    private static JsonNode parse(byte[] bytes, String fileName) {
        try {
            JsonNode tree = READER.readTree(bytes);
            if (tree == null || tree.isMissingNode()) {
                throw new MetadataFormatException(fileName, "", "is empty; expected a JSON object");
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw new MetadataFormatException(fileName, "", "is not acceptable JSON: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new MetadataFormatException(fileName, "", "is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new MetadataFormatException(fileName, "", "cannot be read as JSON");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
