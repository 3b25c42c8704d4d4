package dev.tufceremony.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The fields every role's "signed" object has (spec §4.2/§4.3): _type, spec_version, version,
 * expires. Instances are immutable and refuse invalid values; change them through the withers.
 */
public abstract sealed class Signed permits Root, Targets, Snapshot, Timestamp {
    /** The specification version we write, the one python-tuf 3.x writes. */
    public static final String SPEC_VERSION = "1.0.31";

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Pattern EXPIRES = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern SPEC = Pattern.compile("\\d+\\.\\d+(\\.\\d+)?");
    private static final DateTimeFormatter EXPIRES_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final String specVersion;
    private final long version;
    private final Instant expires;
    private final Map<String, JsonNode> unrecognized;

    Signed(String specVersion, long version, Instant expires, Map<String, JsonNode> unrecognized) {
        Objects.requireNonNull(specVersion, "specVersion");
        Objects.requireNonNull(expires, "expires");
        if (!SPEC.matcher(specVersion).matches() || !specVersion.startsWith("1.")) {
            throw new IllegalArgumentException("spec_version must be 1.x.y, not " + specVersion);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, not " + version);
        }
        if (expires.getNano() != 0 || expires.getEpochSecond() < 0 || expires.isAfter(LATEST)) {
            throw new IllegalArgumentException("expires must be whole seconds between 1970 and 9999, not " + expires);
        }
        this.specVersion = specVersion;
        this.version = version;
        this.expires = expires;
        this.unrecognized = Collections2.copyOf(unrecognized);
    }

    /** The role type as written in {@code _type}: "root", "targets", "snapshot" or "timestamp". */
    public abstract String type();

    public final String specVersion() {
        return specVersion;
    }

    public final long version() {
        return version;
    }

    public final Instant expires() {
        return expires;
    }

    /** {@code expires} exactly as written: {@code YYYY-MM-DDTHH:MM:SSZ}. */
    public final String expiresText() {
        return formatExpires(expires);
    }

    /** Spec §5.3.10/§5.4.4: metadata is valid only while its expiry is later than the update start time. */
    public final boolean isExpired(Instant now) {
        return !expires.isAfter(now);
    }

    /** Fields of "signed" this program does not know; kept so a read/write round trip changes nothing. */
    public final Map<String, JsonNode> unrecognized() {
        return unrecognized;
    }

    public abstract Signed withVersion(long newVersion);

    public abstract Signed withExpires(Instant newExpires);

    /** The JSON object this model writes as "signed". */
    public final ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        unrecognized.forEach((k, v) -> node.set(k, v.deepCopy()));
        node.put("_type", type());
        node.put("spec_version", specVersion);
        JsonFields.putInteger(node, "version", version);
        node.put("expires", expiresText());
        writeFields(node);
        return node;
    }

    abstract void writeFields(ObjectNode node);

    /** Truncates to whole seconds, as the spec's expiry format has no fraction. */
    public static Instant expiryOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    public static String formatExpires(Instant instant) {
        return EXPIRES_FORMAT.format(instant);
    }

    // --- reading -------------------------------------------------------------------------------

    /** The common fields read from a "signed" object, in the order the constructors take them. */
    record Common(String specVersion, long version, Instant expires) {
    }

    static Common readCommon(JsonFields f, String expectedType) {
        String type = f.string("_type");
        if (!type.equals(expectedType)) {
            throw f.error("_type", "is \"" + type + "\" but this file must hold " + expectedType + " metadata");
        }
        String spec = f.string("spec_version");
        if (!SPEC.matcher(spec).matches()) {
            throw f.error("spec_version", "must look like 1.0.31, found \"" + spec + "\"");
        }
        if (!spec.startsWith("1.")) {
            throw f.error("spec_version", "is " + spec + " but only specification 1.x is supported");
        }
        long version = f.integer("version", 1);
        String expiresText = f.string("expires");
        Instant expires;
        try {
            if (!EXPIRES.matcher(expiresText).matches()) {
                throw new DateTimeParseException("format", expiresText, 0);
            }
            expires = Instant.parse(expiresText);
        } catch (DateTimeParseException e) {
            throw f.error("expires", "must be a UTC time like 2027-01-31T00:00:00Z, found \"" + expiresText + "\"");
        }
        return new Common(spec, version, expires);
    }

    static <V> Map<String, V> sortedCopy(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
