package lab.console.connect.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Sink connector writing the records of Kafka topics as JSON lines objects into an S3 bucket (AWS S3,
 * MinIO, S3Proxy), under time-partitioned keys:
 * {@code topics/<topic>/year=YYYY/month=MM/day=dd/<topic>+<partition>+<start offset>.jsonl}.
 *
 * <p>Delivery is at least once: the consumer offsets committed are those of records already stored, so
 * after a crash or an offsets reset the affected objects are written again (under the same keys).
 */
public class S3SinkConnector extends SinkConnector {

    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        try {
            new S3SinkConfig(props);
        } catch (ConfigException e) {
            throw new ConnectException("Invalid S3 sink configuration: " + e.getMessage(), e);
        }
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

    /** The per-key validation of the ConfigDef, plus the rule tying the access key id to its secret. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        String id = connectorConfigs.get(S3SinkConfig.AWS_ACCESS_KEY_ID);
        String secret = connectorConfigs.get(S3SinkConfig.AWS_SECRET_ACCESS_KEY);
        String problem = S3SinkConfig.credentialsProblem(id, secret == null ? null : new Password(secret));
        if (problem != null) {
            boolean hasId = id != null && !id.isBlank();
            String key = hasId ? S3SinkConfig.AWS_SECRET_ACCESS_KEY : S3SinkConfig.AWS_ACCESS_KEY_ID;
            for (ConfigValue value : result.configValues()) {
                if (value.name().equals(key)) value.addErrorMessage(problem);
            }
        }
        return result;
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
