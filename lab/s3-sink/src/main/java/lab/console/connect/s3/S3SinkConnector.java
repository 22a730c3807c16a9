package lab.console.connect.s3;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Sink connector writing the records of Kafka topics as JSON lines objects into an S3 bucket (AWS S3,
 * MinIO, S3Proxy), under time-partitioned keys:
 * {@code topics/<topic>/year=YYYY/month=MM/day=dd/<topic>+<partition>+<start offset>.jsonl}. It accepts the
 * course's and Confluent's key names too (see {@link S3SinkConfig#ALIASES}), so the course's JSON for
 * Confluent's sink works with only {@code connector.class} changed.
 *
 * <p>Delivery is at least once: the consumer offsets committed are those of records already stored, so
 * after a crash or an offsets reset the affected objects are written again (under the same keys).
 */
public class S3SinkConnector extends SinkConnector {

    private final BooleanSupplier workerHasCredentials;
    private final Predicate<String> hostResolves;
    private Map<String, String> props;

    public S3SinkConnector() {
        this(S3SinkConnector::defaultChainHasStaticCredentials, S3SinkConnector::resolves);
    }

    /** For tests: what the worker's environment holds and which host names resolve. */
    S3SinkConnector(BooleanSupplier workerHasCredentials, Predicate<String> hostResolves) {
        this.workerHasCredentials = workerHasCredentials;
        this.hostResolves = hostResolves;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        S3SinkConfig.forStart(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return S3SinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) configs.add(props);
        return configs;
    }

    @Override
    public void stop() {
        props = null;
    }

    @Override
    public ConfigDef config() {
        return S3SinkConfig.CONFIG_DEF;
    }

    /**
     * The per-key validation of the ConfigDef, then the rules spanning keys, each reported on the key the user
     * wrote (the course's alias or this sink's own name): an alias set to another value than its key, an access
     * key id without its secret (or the reverse), no credentials at all for an S3-compatible endpoint when the
     * worker has none either, and an endpoint whose host name does not resolve from the worker.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        Map<String, ConfigValue> byName = new HashMap<>();
        for (ConfigValue v : result.configValues()) byName.put(v.name(), v);
        Map<String, String> props = connectorConfigs;

        for (S3SinkConfig.AliasConflict c : S3SinkConfig.aliasConflicts(props)) error(byName, c.alias(), c.message());

        String idKey = used(props, S3SinkConfig.AWS_ACCESS_KEY_ID, S3SinkConfig.S3_ACCESS_KEY);
        String secretKey = used(props, S3SinkConfig.AWS_SECRET_ACCESS_KEY, S3SinkConfig.S3_SECRET_KEY);
        boolean hasId = idKey != null;
        boolean hasSecret = secretKey != null;
        boolean courseNames = props.containsKey(S3SinkConfig.S3_ENDPOINT) || props.containsKey(S3SinkConfig.S3_ACCESS_KEY)
                || props.containsKey(S3SinkConfig.S3_SECRET_KEY);
        if (hasId && !hasSecret) {
            String missing = S3SinkConfig.S3_ACCESS_KEY.equals(idKey) ? S3SinkConfig.S3_SECRET_KEY : S3SinkConfig.AWS_SECRET_ACCESS_KEY;
            error(byName, missing, missing + " is required when " + idKey + " is set (the secret of that access key)");
        } else if (!hasId && hasSecret) {
            String missing = S3SinkConfig.S3_SECRET_KEY.equals(secretKey) ? S3SinkConfig.S3_ACCESS_KEY : S3SinkConfig.AWS_ACCESS_KEY_ID;
            error(byName, missing, missing + " is required when " + secretKey + " is set (the access key of that secret)");
        }

        String endpointKey = used(props, S3SinkConfig.STORE_URL, S3SinkConfig.S3_ENDPOINT);
        if (endpointKey != null && !hasId && !hasSecret && !workerHasCredentials.getAsBoolean()) {
            String key = courseNames ? S3SinkConfig.S3_ACCESS_KEY : S3SinkConfig.AWS_ACCESS_KEY_ID;
            error(byName, key, "no credentials for " + props.get(endpointKey).trim() + ": set " + S3SinkConfig.AWS_ACCESS_KEY_ID
                    + " and " + S3SinkConfig.AWS_SECRET_ACCESS_KEY + " (or " + S3SinkConfig.S3_ACCESS_KEY + " and "
                    + S3SinkConfig.S3_SECRET_KEY + "); the Kafka Connect worker has no AWS credentials of its own "
                    + "(no AWS_ACCESS_KEY_ID in its environment, no ~/.aws/credentials)");
        }
        if (endpointKey != null && byName.get(endpointKey) != null && byName.get(endpointKey).errorMessages().isEmpty()) {
            String host = hostOf(props.get(endpointKey));
            if (host != null && !hostResolves.test(host)) {
                error(byName, endpointKey, "the host '" + host + "' of " + props.get(endpointKey).trim() + " does not resolve "
                        + "from the Kafka Connect worker. A Docker Compose service name (minio) resolves only inside its "
                        + "Compose network; outside it, use the S3 server's address, e.g. http://127.0.0.1:9000");
            }
        }
        return result;
    }

    /** The first of the keys that holds a value, or null. */
    private static String used(Map<String, String> props, String... keys) {
        for (String k : keys) if (S3SinkConfig.isSet(props.get(k))) return k;
        return null;
    }

    private static void error(Map<String, ConfigValue> byName, String key, String message) {
        ConfigValue v = byName.get(key);
        if (v != null) v.addErrorMessage(message);
    }

    private static String hostOf(String url) {
        try {
            return new URI(url.trim()).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** What the AWS default chain could find without a network call: environment, system properties, profile files. */
    static boolean defaultChainHasStaticCredentials() {
        if (S3SinkConfig.isSet(System.getenv("AWS_ACCESS_KEY_ID")) || S3SinkConfig.isSet(System.getProperty("aws.accessKeyId"))) return true;
        if (S3SinkConfig.isSet(System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE"))
                || S3SinkConfig.isSet(System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"))
                || S3SinkConfig.isSet(System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI"))) return true;
        String file = System.getenv("AWS_SHARED_CREDENTIALS_FILE");
        Path credentials = S3SinkConfig.isSet(file) ? Path.of(file) : Path.of(System.getProperty("user.home", "/"), ".aws", "credentials");
        return Files.isReadable(credentials);
    }

    static boolean resolves(String host) {
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The sink keeps no offsets of its own (only the consumer group's), so resetting or altering them through
     * Kafka Connect's offsets API is all it takes; a reset to the start makes the task rewrite the objects.
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<TopicPartition, Long> offsets) {
        return true;
    }
}
