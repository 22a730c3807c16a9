package lab.console.connect.s3;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The connector's configuration. Every key is declared with a validator so that Kafka Connect's
 * {@code PUT /connector-plugins/{class}/config/validate} reports a missing or invalid value on that key.
 * {@code topics} / {@code topics.regex} are the framework's standard sink keys (validated by Kafka Connect
 * itself) and are not repeated here.
 *
 * <p>The course registers Confluent's S3 sink with its own key names ({@code s3.endpoint}, {@code s3.access.key},
 * {@code s3.secret.key}) and Confluent's ({@code format.class}, {@code partitioner.class}, …): {@link #ALIASES}
 * maps the first to this sink's keys, and the Confluent class keys are honoured where this sink can
 * (JSON lines, time-based or Kafka-partition folders) and rejected by name where it cannot.
 */
public final class S3SinkConfig extends AbstractConfig {

    public static final String S3_BUCKET_NAME = "s3.bucket.name";
    public static final String S3_REGION = "s3.region";
    public static final String STORE_URL = "store.url";
    public static final String S3_PATH_STYLE_ACCESS_ENABLED = "s3.path.style.access.enabled";
    public static final String AWS_ACCESS_KEY_ID = "aws.access.key.id";
    public static final String AWS_SECRET_ACCESS_KEY = "aws.secret.access.key";
    public static final String S3_RETRY_BACKOFF_MS = "s3.retry.backoff.ms";
    public static final String TOPICS_DIR = "topics.dir";
    public static final String FLUSH_SIZE = "flush.size";
    public static final String ROTATE_INTERVAL_MS = "rotate.interval.ms";
    public static final String PATH_FORMAT = "path.format";
    public static final String TIMEZONE = "timezone";
    public static final String FORMAT_OUTPUT_TYPE = "format.output.type";
    public static final String FORMAT_OUTPUT_FIELDS = "format.output.fields";
    public static final String BEHAVIOR_ON_NULL_VALUES = "behavior.on.null.values";
    public static final String S3_MAX_RETRIES = "s3.max.retries";

    // Confluent's S3 sink keys this sink honours (or names as unsupported)
    public static final String FORMAT_CLASS = "format.class";
    public static final String STORAGE_CLASS = "storage.class";
    public static final String PARTITIONER_CLASS = "partitioner.class";
    public static final String PARTITION_DURATION_MS = "partition.duration.ms";
    public static final String LOCALE = "locale";

    // Other names of this sink's keys: the course's and Confluent's
    public static final String S3_ENDPOINT = "s3.endpoint";
    public static final String S3_ACCESS_KEY = "s3.access.key";
    public static final String S3_SECRET_KEY = "s3.secret.key";
    public static final String S3_PATH_STYLE_ACCESS = "s3.path.style.access";
    public static final String S3_PART_RETRIES = "s3.part.retries";

    /** alias → this sink's key. A value under the alias counts as the key's when the key itself is unset. */
    public static final Map<String, String> ALIASES = aliases();

    public static final String JSON_FORMAT = "io.confluent.connect.s3.format.json.JsonFormat";
    public static final String S3_STORAGE = "io.confluent.connect.s3.storage.S3Storage";
    private static final String PARTITIONERS = "io.confluent.connect.storage.partitioner.";
    public static final List<String> SUPPORTED_PARTITIONERS = List.of(
            "TimeBasedPartitioner", "DailyPartitioner", "HourlyPartitioner", "DefaultPartitioner");

    public static final String DEFAULT_PATH_FORMAT = "'year'=YYYY/'month'=MM/'day'=dd";
    public static final String OUTPUT_TYPE_JSONL = "jsonl";
    public static final List<String> OUTPUT_FIELDS = List.of("value", "key", "offset", "timestamp", "headers");

    /** What to do with a record whose value is null (a Debezium tombstone). */
    public enum NullValueBehavior { IGNORE, WRITE }

    private static final String GROUP_S3 = "S3";
    private static final String GROUP_OBJECTS = "Objects";
    private static final String GROUP_FORMAT = "Format";
    private static final String GROUP_COMPAT = "Compatibility (the course's and Confluent's key names)";

    public static final ConfigDef CONFIG_DEF = configDef();

    private final PathFormat pathFormat;
    private final ZoneId timeZone;
    private final List<String> outputFields;
    private final Partitioning partitioning;

    /** The config a connector or a task starts with: an invalid one stops it with Connect's exception, naming the cause. */
    static S3SinkConfig forStart(Map<String, String> props) {
        try {
            return new S3SinkConfig(props);
        } catch (ConfigException e) {
            throw new ConnectException("Invalid S3 sink configuration: " + e.getMessage(), e);
        }
    }

    /** Aliases are resolved first: {@code s3.endpoint} fills {@code store.url} when that is unset, and so on. */
    public S3SinkConfig(Map<?, ?> props) {
        super(CONFIG_DEF, withAliasesResolved(props));
        this.pathFormat = PathFormat.compile(getString(PATH_FORMAT));
        this.timeZone = ZoneId.of(getString(TIMEZONE));
        this.outputFields = List.copyOf(new LinkedHashSet<>(trimmed(getList(FORMAT_OUTPUT_FIELDS))));
        this.partitioning = partitioning(getString(PARTITIONER_CLASS), pathFormat, timeZone, getLong(PARTITION_DURATION_MS));
        String problem = credentialsProblem(getString(AWS_ACCESS_KEY_ID), getPassword(AWS_SECRET_ACCESS_KEY));
        if (problem != null) throw new ConfigException(problem);
    }

    private static Map<String, String> aliases() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(S3_ENDPOINT, STORE_URL);
        a.put(S3_ACCESS_KEY, AWS_ACCESS_KEY_ID);
        a.put(S3_SECRET_KEY, AWS_SECRET_ACCESS_KEY);
        a.put(S3_PATH_STYLE_ACCESS, S3_PATH_STYLE_ACCESS_ENABLED);
        a.put(S3_PART_RETRIES, S3_MAX_RETRIES);
        return java.util.Collections.unmodifiableMap(a);
    }

    /** An alias and its key both set, to different values. */
    public record AliasConflict(String alias, String key) {
        public String message() {
            return alias + " and " + key + " are both set, to different values; set only one of them (" + alias
                    + " is another name for " + key + ")";
        }
    }

    static boolean isSet(Object v) {
        if (v == null) return false;
        if (v instanceof Password p) return p.value() != null && !p.value().isEmpty();
        return !v.toString().isBlank();
    }

    private static String text(Object v) {
        return v instanceof Password p ? p.value() : v.toString().trim();
    }

    public static List<AliasConflict> aliasConflicts(Map<?, ?> props) {
        List<AliasConflict> out = new ArrayList<>();
        ALIASES.forEach((alias, key) -> {
            Object a = props.get(alias);
            Object k = props.get(key);
            if (isSet(a) && isSet(k) && !text(a).equals(text(k))) out.add(new AliasConflict(alias, key));
        });
        return out;
    }

    /** The props with each alias's value copied to its key when the key is unset; conflicting values fail. */
    public static Map<Object, Object> withAliasesResolved(Map<?, ?> props) {
        List<AliasConflict> conflicts = aliasConflicts(props);
        if (!conflicts.isEmpty()) throw new ConfigException(conflicts.get(0).message());
        Map<Object, Object> out = new HashMap<>(props);
        ALIASES.forEach((alias, key) -> {
            if (isSet(props.get(alias)) && !isSet(props.get(key))) out.put(key, props.get(alias));
        });
        return out;
    }

    /** The simple name of a class name: {@code io.confluent…JsonFormat} → {@code JsonFormat}. */
    static String simpleName(String className) {
        String s = className.trim();
        return s.substring(s.lastIndexOf('.') + 1);
    }

    static Partitioning partitioning(String partitionerClass, PathFormat pathFormat, ZoneId zone, long durationMs) {
        String name = partitionerClass == null || partitionerClass.isBlank() ? "TimeBasedPartitioner" : simpleName(partitionerClass);
        return switch (name) {
            case "DailyPartitioner" -> new Partitioning(Partitioning.Kind.TIME, PathFormat.compile(Partitioning.DAILY_FORMAT), zone, Partitioning.DAY_MS);
            case "HourlyPartitioner" -> new Partitioning(Partitioning.Kind.TIME, PathFormat.compile(Partitioning.HOURLY_FORMAT), zone, Partitioning.HOUR_MS);
            case "DefaultPartitioner" -> new Partitioning(Partitioning.Kind.KAFKA_PARTITION, pathFormat, zone, 0);
            default -> new Partitioning(Partitioning.Kind.TIME, pathFormat, zone, Math.max(0, durationMs));
        };
    }

    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        int order = 0;
        def.define(S3_BUCKET_NAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, validNonBlank(), Importance.HIGH,
                "Name of the bucket the objects are written to. It must exist before the connector starts (it is not created).",
                GROUP_S3, ++order, Width.MEDIUM, "Bucket");
        def.define(S3_REGION, Type.STRING, "us-east-1", validNonBlank(), Importance.MEDIUM,
                "Region of the bucket, used for request signing. S3-compatible servers (MinIO, S3Proxy) accept us-east-1.",
                GROUP_S3, ++order, Width.SHORT, "Region");
        def.define(STORE_URL, Type.STRING, null, validHttpUrl(), Importance.HIGH,
                "Endpoint URL of an S3-compatible server, e.g. http://minio:9000. Leave unset to use AWS S3 for the region.",
                GROUP_S3, ++order, Width.LONG, "Endpoint URL");
        def.define(S3_PATH_STYLE_ACCESS_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
                "Address the bucket in the path (http://host/bucket/key) instead of the host name (http://bucket.host/key). "
                        + "MinIO and S3Proxy need path-style access.",
                GROUP_S3, ++order, Width.SHORT, "Path-style access");
        def.define(AWS_ACCESS_KEY_ID, Type.STRING, null, Importance.HIGH,
                "Access key id. Set together with aws.secret.access.key; when both are unset the AWS default "
                        + "credentials chain (environment, profile, instance role) is used.",
                GROUP_S3, ++order, Width.MEDIUM, "Access key id");
        def.define(AWS_SECRET_ACCESS_KEY, Type.PASSWORD, null, Importance.HIGH,
                "Secret access key matching aws.access.key.id.",
                GROUP_S3, ++order, Width.MEDIUM, "Secret access key");
        def.define(S3_RETRY_BACKOFF_MS, Type.LONG, 5000L, ConfigDef.Range.between(100L, 600_000L), Importance.LOW,
                "How long Kafka Connect waits before redelivering a batch after a retriable S3 error "
                        + "(server error, timeout, connection refused).",
                GROUP_S3, ++order, Width.SHORT, "Retry backoff (ms)");

        order = 0;
        def.define(TOPICS_DIR, Type.STRING, "topics", validKeyPrefix(), Importance.MEDIUM,
                "Top-level folder of the objects: <topics.dir>/<topic>/<path>/<topic>+<partition>+<start offset>.jsonl.",
                GROUP_OBJECTS, ++order, Width.MEDIUM, "Topics folder");
        def.define(FLUSH_SIZE, Type.INT, 10, ConfigDef.Range.atLeast(1), Importance.HIGH,
                "Number of records per object: an object is written as soon as a topic-partition has this many buffered records.",
                GROUP_OBJECTS, ++order, Width.SHORT, "Flush size");
        def.define(ROTATE_INTERVAL_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(0L), Importance.HIGH,
                "Maximum time, in wall-clock milliseconds since its first record was received, that a partly filled "
                        + "object stays open; it is then written even with fewer than flush.size records. 0 disables it "
                        + "(objects are written only when full).",
                GROUP_OBJECTS, ++order, Width.SHORT, "Rotate interval (ms)");
        def.define(PATH_FORMAT, Type.STRING, DEFAULT_PATH_FORMAT, validPathFormat(), Importance.MEDIUM,
                "Partition folders built from the record timestamp (the wall clock when a record has none), with the "
                        + "tokens YYYY, MM, dd, HH and single-quoted literal text. Default: " + DEFAULT_PATH_FORMAT + ".",
                GROUP_OBJECTS, ++order, Width.LONG, "Path format");
        def.define(TIMEZONE, Type.STRING, "UTC", validTimeZone(), Importance.LOW,
                "Time zone of path.format, e.g. UTC or America/Sao_Paulo.",
                GROUP_OBJECTS, ++order, Width.SHORT, "Time zone");

        order = 0;
        def.define(FORMAT_OUTPUT_TYPE, Type.STRING, OUTPUT_TYPE_JSONL, validOutputType(), Importance.MEDIUM,
                "Object format. Only jsonl (one JSON document per line, content type application/x-ndjson) is supported.",
                GROUP_FORMAT, ++order, Width.SHORT, "Output format");
        def.define(FORMAT_OUTPUT_FIELDS, Type.LIST, "value", validOutputFields(), Importance.MEDIUM,
                "Comma-separated fields of each line, from " + String.join(",", OUTPUT_FIELDS) + ". With only value, each "
                        + "line is the record value as JSON; otherwise each line is an object holding the listed fields.",
                GROUP_FORMAT, ++order, Width.MEDIUM, "Output fields");
        def.define(BEHAVIOR_ON_NULL_VALUES, Type.STRING, "ignore",
                ConfigDef.CaseInsensitiveValidString.in("ignore", "write"), Importance.LOW,
                "Records with a null value (tombstones): ignore skips them, write writes a JSON null line.",
                GROUP_FORMAT, ++order, Width.SHORT, "Null values");
        def.define(S3_MAX_RETRIES, Type.INT, 5, ConfigDef.Range.between(0, 1000), Importance.MEDIUM,
                "How many times in a row a retriable S3 failure (unreachable endpoint, server error, timeout) is retried, "
                        + S3_RETRY_BACKOFF_MS + " apart, before the task fails with its cause. A success resets the count.",
                GROUP_S3, 100, Width.SHORT, "Max retries");

        order = 0;
        def.define(FORMAT_CLASS, Type.STRING, null, validClassChoice(FORMAT_CLASS, List.of("JsonFormat"),
                        "this sink writes JSON lines only; use " + JSON_FORMAT + " or leave " + FORMAT_CLASS + " unset"),
                Importance.LOW,
                "Confluent's format class. " + JSON_FORMAT + " is honoured (JSON lines, objects named .json as "
                        + "Confluent's sink names them); Avro, Parquet and the others are not supported.",
                GROUP_COMPAT, ++order, Width.LONG, "Format class (Confluent)");
        def.define(STORAGE_CLASS, Type.STRING, null, validClassChoice(STORAGE_CLASS, List.of("S3Storage"),
                        "this sink writes to S3 only; use " + S3_STORAGE + " or leave " + STORAGE_CLASS + " unset"),
                Importance.LOW, "Confluent's storage class: only " + S3_STORAGE + " (the default here).",
                GROUP_COMPAT, ++order, Width.LONG, "Storage class (Confluent)");
        def.define(PARTITIONER_CLASS, Type.STRING, null, validClassChoice(PARTITIONER_CLASS, SUPPORTED_PARTITIONERS,
                        "supported: " + String.join(", ", SUPPORTED_PARTITIONERS) + " (" + PARTITIONERS + "…)"),
                Importance.LOW,
                "Confluent's partitioner class. TimeBasedPartitioner (the default here) uses " + PATH_FORMAT + " and "
                        + PARTITION_DURATION_MS + "; DailyPartitioner and HourlyPartitioner use their fixed formats; "
                        + "DefaultPartitioner writes partition=<n> folders. Field partitioning is not supported.",
                GROUP_COMPAT, ++order, Width.LONG, "Partitioner class (Confluent)");
        def.define(PARTITION_DURATION_MS, Type.LONG, -1L, ConfigDef.Range.atLeast(-1L), Importance.LOW,
                "Confluent's partition duration: the record time is floored to a multiple of it (in " + TIMEZONE
                        + ") before " + PATH_FORMAT + " is applied, e.g. 86400000 for daily folders. -1 or 0: not floored.",
                GROUP_COMPAT, ++order, Width.SHORT, "Partition duration (ms)");
        def.define(LOCALE, Type.STRING, null, validLocale(), Importance.LOW,
                "Confluent's locale of " + PATH_FORMAT + " (e.g. en-US, pt_BR). Accepted for compatibility; the tokens "
                        + "this sink supports are numeric, so it changes no key.",
                GROUP_COMPAT, ++order, Width.SHORT, "Locale (Confluent)");
        def.define(S3_ENDPOINT, Type.STRING, null, validHttpUrl(), Importance.LOW,
                "The course's name for " + STORE_URL + " (an alias: used when " + STORE_URL + " is unset).",
                GROUP_COMPAT, ++order, Width.LONG, "Endpoint URL (course)");
        def.define(S3_ACCESS_KEY, Type.STRING, null, Importance.LOW,
                "The course's name for " + AWS_ACCESS_KEY_ID + " (an alias: used when " + AWS_ACCESS_KEY_ID + " is unset).",
                GROUP_COMPAT, ++order, Width.MEDIUM, "Access key id (course)");
        def.define(S3_SECRET_KEY, Type.PASSWORD, null, Importance.LOW,
                "The course's name for " + AWS_SECRET_ACCESS_KEY + " (an alias: used when " + AWS_SECRET_ACCESS_KEY + " is unset).",
                GROUP_COMPAT, ++order, Width.MEDIUM, "Secret access key (course)");
        def.define(S3_PATH_STYLE_ACCESS, Type.BOOLEAN, null, Importance.LOW,
                "Older Confluent name for " + S3_PATH_STYLE_ACCESS_ENABLED + " (an alias: used when that is unset).",
                GROUP_COMPAT, ++order, Width.SHORT, "Path-style access (Confluent, old)");
        def.define(S3_PART_RETRIES, Type.INT, null, ConfigDef.LambdaValidator.with((name, value) -> {
                    if (value != null && ((Integer) value < 0 || (Integer) value > 1000)) {
                        throw new ConfigException(name, value, "must be between 0 and 1000");
                    }
                }, () -> "[0,...,1000]"), Importance.LOW,
                "Confluent's retry count, taken as " + S3_MAX_RETRIES + " (an alias: used when that is unset).",
                GROUP_COMPAT, ++order, Width.SHORT, "Retries (Confluent)");
        return def;
    }

    /**
     * A rule spanning two keys; returns the message to report on {@link #AWS_SECRET_ACCESS_KEY} /
     * {@link #AWS_ACCESS_KEY_ID}, or null when the pair is consistent.
     */
    static String credentialsProblem(String accessKeyId, Password secret) {
        boolean hasId = accessKeyId != null && !accessKeyId.isBlank();
        boolean hasSecret = secret != null && secret.value() != null && !secret.value().isEmpty();
        if (hasId && !hasSecret) return AWS_SECRET_ACCESS_KEY + " is required when " + AWS_ACCESS_KEY_ID + " is set";
        if (!hasId && hasSecret) return AWS_ACCESS_KEY_ID + " is required when " + AWS_SECRET_ACCESS_KEY + " is set";
        return null;
    }

    public String bucket() {
        return getString(S3_BUCKET_NAME).trim();
    }

    public String region() {
        return getString(S3_REGION).trim();
    }

    /** The endpoint override, or null for AWS. */
    public URI endpoint() {
        String url = getString(STORE_URL);
        return url == null || url.isBlank() ? null : URI.create(url.trim());
    }

    public boolean pathStyleAccess() {
        return getBoolean(S3_PATH_STYLE_ACCESS_ENABLED);
    }

    /** The access key id, or null when the default credentials chain is to be used. */
    public String accessKeyId() {
        String id = getString(AWS_ACCESS_KEY_ID);
        return id == null || id.isBlank() ? null : id.trim();
    }

    public Password secretAccessKey() {
        return getPassword(AWS_SECRET_ACCESS_KEY);
    }

    public long retryBackoffMs() {
        return getLong(S3_RETRY_BACKOFF_MS);
    }

    public String topicsDir() {
        return ObjectKeys.normalizeDir(getString(TOPICS_DIR));
    }

    public int flushSize() {
        return getInt(FLUSH_SIZE);
    }

    public long rotateIntervalMs() {
        return getLong(ROTATE_INTERVAL_MS);
    }

    public PathFormat pathFormat() {
        return pathFormat;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    /** The configured line fields, in order, without duplicates. */
    public List<String> outputFields() {
        return outputFields;
    }

    public int maxRetries() {
        return getInt(S3_MAX_RETRIES);
    }

    public Partitioning partitioning() {
        return partitioning;
    }

    /** {@code .json} when Confluent's JsonFormat is named (its object names), {@code .jsonl} otherwise. */
    public String objectExtension() {
        String format = getString(FORMAT_CLASS);
        return format == null || format.isBlank() ? ObjectKeys.EXTENSION : ObjectKeys.JSON_EXTENSION;
    }

    public NullValueBehavior nullValueBehavior() {
        return NullValueBehavior.valueOf(getString(BEHAVIOR_ON_NULL_VALUES).trim().toUpperCase(Locale.ROOT));
    }

    private static List<String> trimmed(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) out.add(v.trim().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    // ---- validators (each message ends up on its key in the validate response) ----

    /** A validator from its description (what the validate response and the docs show) and a check that throws. */
    static final class Check implements ConfigDef.Validator {
        interface Rule {
            void check(String name, Object value);
        }

        private final String description;
        private final Rule rule;

        Check(String description, Rule rule) {
            this.description = description;
            this.rule = rule;
        }

        @Override
        public void ensureValid(String name, Object value) {
            rule.check(name, value);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    static Check validNonBlank() {
        return new Check("non-empty string", (name, value) -> {
            if (value == null) return; // a missing required key is already reported by ConfigDef
            if (value.toString().isBlank()) throw new ConfigException(name, value, "must not be empty");
        });
    }

    static Check validHttpUrl() {
        return new Check("http(s) URL, e.g. http://minio:9000 (unset = AWS)", (name, value) -> {
            if (value == null || value.toString().isBlank()) return;
            String s = value.toString().trim();
            try {
                URI uri = new URI(s);
                String scheme = uri.getScheme();
                if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                    throw new ConfigException(name, value, "must be an http:// or https:// URL with a host, e.g. http://minio:9000");
                }
            } catch (java.net.URISyntaxException e) {
                throw new ConfigException(name, value, "is not a valid URL: " + e.getReason());
            }
        });
    }

    static Check validKeyPrefix() {
        return new Check("folder path, e.g. topics", (name, value) -> {
            if (value == null) throw new ConfigException(name, null, "must not be null (use an empty string for no prefix)");
            String s = ObjectKeys.normalizeDir(value.toString());
            if (s.contains("//") || s.contains("\\")) {
                throw new ConfigException(name, value, "must be a folder path without empty segments or backslashes");
            }
        });
    }

    static Check validPathFormat() {
        return new Check("pattern with YYYY, MM, dd, HH and 'quoted' literals", (name, value) -> {
            try {
                PathFormat.compile(value == null ? "" : value.toString());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        });
    }

    static Check validTimeZone() {
        return new Check("time zone id", (name, value) -> {
            try {
                ZoneId.of(value == null ? "" : value.toString());
            } catch (DateTimeException e) {
                throw new ConfigException(name, value, "is not a time zone id (e.g. UTC, America/Sao_Paulo)");
            }
        });
    }

    static Check validOutputType() {
        return new Check("[" + OUTPUT_TYPE_JSONL + "]", (name, value) -> {
            if (value == null || !OUTPUT_TYPE_JSONL.equals(value.toString().trim().toLowerCase(Locale.ROOT))) {
                throw new ConfigException(name, value, "the only accepted value is " + OUTPUT_TYPE_JSONL);
            }
        });
    }

    /** A Confluent class key: accepted when its simple name is one this sink honours, else named as unsupported. */
    static Check validClassChoice(String key, List<String> accepted, String hint) {
        return new Check(String.join(", ", accepted), (name, value) -> {
            if (value == null || value.toString().isBlank()) return;
            if (!accepted.contains(simpleName(value.toString()))) {
                throw new ConfigException(name, value, value.toString().trim() + " is not supported by the lab's S3 sink as "
                        + key + "; " + hint);
            }
        });
    }

    static Check validLocale() {
        return new Check("locale, e.g. en-US", (name, value) -> {
            if (value == null || value.toString().isBlank()) return;
            Locale l = Locale.forLanguageTag(value.toString().trim().replace('_', '-'));
            if (l.getLanguage().isEmpty()) throw new ConfigException(name, value, "is not a locale (e.g. en-US, pt_BR)");
        });
    }

    static Check validOutputFields() {
        return new Check("comma list of " + String.join(",", OUTPUT_FIELDS), (name, value) -> {
            List<String> fields = new ArrayList<>();
            if (value instanceof List<?> list) {
                for (Object o : list) fields.add(o == null ? "" : o.toString());
            } else if (value != null) {
                fields.addAll(List.of(value.toString().split(",", -1)));
            }
            List<String> cleaned = trimmed(fields);
            if (cleaned.isEmpty()) {
                throw new ConfigException(name, value, "must list at least one of " + String.join(",", OUTPUT_FIELDS));
            }
            Set<String> unknown = new LinkedHashSet<>();
            for (String f : cleaned) if (!OUTPUT_FIELDS.contains(f)) unknown.add(f);
            if (!unknown.isEmpty()) {
                throw new ConfigException(name, value, "unknown field(s) " + String.join(",", unknown)
                        + "; accepted: " + String.join(",", OUTPUT_FIELDS));
            }
        });
    }
}
