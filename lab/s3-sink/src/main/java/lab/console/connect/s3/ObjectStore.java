package lab.console.connect.s3;

/**
 * Where finished objects go. The S3 implementation is {@link S3ObjectStore}; tests use an in-memory one.
 *
 * <p>Implementations throw {@link org.apache.kafka.connect.errors.RetriableException} for failures worth
 * retrying (server errors, timeouts, connection problems) and
 * {@link org.apache.kafka.connect.errors.ConnectException} for the ones that need a human (missing bucket,
 * bad credentials, access denied).
 */
public interface ObjectStore extends AutoCloseable {

    /** Stores one object, replacing any object with the same key. */
    void put(String key, byte[] content, String contentType);

    /** Checks that the bucket exists and is reachable (called when a task starts). */
    void checkBucket();

    /** A short description for messages, e.g. {@code s3://raw at http://minio:9000}. */
    String describe();

    @Override
    void close();
}
