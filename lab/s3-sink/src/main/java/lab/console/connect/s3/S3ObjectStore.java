package lab.console.connect.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** {@link ObjectStore} on the AWS SDK v2 S3 client (JDK URLConnection transport, no Netty, no Apache HTTP). */
public final class S3ObjectStore implements ObjectStore {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(120);

    private static final Set<String> CREDENTIAL_ERRORS = Set.of(
            "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken", "InvalidSecurity");

    private final S3Client client;
    private final String bucket;
    private final String endpoint;

    public S3ObjectStore(S3SinkConfig config) {
        this.bucket = config.bucket();
        URI endpointUri = config.endpoint();
        this.endpoint = endpointUri == null ? "AWS S3 (" + config.region() + ")" : endpointUri.toString();
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT))
                .credentialsProvider(credentials(config))
                .forcePathStyle(config.pathStyleAccess())
                // S3-compatible servers (S3Proxy, older MinIO) reject the CRC trailers newer SDKs send by default
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(API_CALL_TIMEOUT).build());
        if (endpointUri != null) builder.endpointOverride(endpointUri);
        this.client = builder.build();
    }

    private static AwsCredentialsProvider credentials(S3SinkConfig config) {
        String id = config.accessKeyId();
        if (id == null) return DefaultCredentialsProvider.builder().build();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(id, config.secretAccessKey().value()));
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        PutObjectRequest request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentType(contentType)
                .contentLength((long) content.length)
                .build();
        try {
            client.putObject(request, RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw translate(e, "PutObject", bucket, key, endpoint);
        }
    }

    @Override
    public void checkBucket() {
        try {
            client.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
        } catch (AwsServiceException e) {
            if (e.statusCode() != 403) throw translate(e, "HeadBucket", bucket, null, endpoint);
            // A HEAD answer has no body, so no S3 error code: a GET tells a wrong secret (SignatureDoesNotMatch)
            // from an unknown key (InvalidAccessKeyId) or a missing permission (AccessDenied).
            try {
                client.listObjectsV2(ListObjectsV2Request.builder().bucket(bucket).maxKeys(1).build());
            } catch (SdkException list) {
                throw translate(list, "ListObjectsV2", bucket, null, endpoint);
            }
        } catch (SdkException e) {
            throw translate(e, "HeadBucket", bucket, null, endpoint);
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket + " at " + endpoint;
    }

    @Override
    public void close() {
        client.close();
    }

    /**
     * Maps an SDK failure to what Kafka Connect should do with it: retry (5xx, 429, throttling, timeouts,
     * connection errors) or fail the task with a message naming the S3 error code (other 4xx).
     */
    static RuntimeException translate(SdkException e, String operation, String bucket, String key, String endpoint) {
        String target = key == null ? "s3://" + bucket : "s3://" + bucket + "/" + key;
        if (e instanceof AwsServiceException ase) {
            int status = ase.statusCode();
            AwsErrorDetails details = ase.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            String message = details == null ? null : details.errorMessage();
            if (message == null || message.isBlank()) message = ase.getMessage();
            String what = operation + " " + target + " at " + endpoint + " failed: HTTP " + status
                    + (code == null ? "" : " " + code) + (message == null ? "" : " (" + message + ")");
            if (status >= 500 || status == 429 || status == 408 || ase.isThrottlingException()) {
                return new RetriableException(what + "; will retry", e);
            }
            if ("NoSuchBucket".equals(code) || (status == 404 && "HeadBucket".equals(operation))) {
                return new ConnectException("NoSuchBucket: the bucket '" + bucket + "' does not exist at " + endpoint
                        + ". It must be created first (e.g. mc mb local/" + bucket + "), then restart the task. ("
                        + what + ")", e);
            }
            if (code != null && CREDENTIAL_ERRORS.contains(code)) {
                return new ConnectException(code + ": S3 rejected the credentials; check " + S3SinkConfig.AWS_ACCESS_KEY_ID
                        + " and " + S3SinkConfig.AWS_SECRET_ACCESS_KEY + " (or " + S3SinkConfig.S3_ACCESS_KEY + " and "
                        + S3SinkConfig.S3_SECRET_KEY + "). (" + what + ")", e);
            }
            if ("AccessDenied".equals(code) || status == 403) {
                return new ConnectException((code == null ? "AccessDenied" : code) + ": the credentials may not write to bucket '"
                        + bucket + "'. (" + what + ")", e);
            }
            return new ConnectException((code == null ? "HTTP " + status : code) + ": " + what, e);
        }
        // SdkClientException and friends: no HTTP answer (connection refused, unknown host, timeout, interrupted)
        if (String.valueOf(e.getMessage()).contains("Unable to load credentials")) {
            // the default chain found nothing: retrying cannot help, only the configuration can
            return new ConnectException("no S3 credentials: set " + S3SinkConfig.AWS_ACCESS_KEY_ID + " and "
                    + S3SinkConfig.AWS_SECRET_ACCESS_KEY + " (or the course's " + S3SinkConfig.S3_ACCESS_KEY + " and "
                    + S3SinkConfig.S3_SECRET_KEY + "). (" + operation + " " + target + " at " + endpoint + ": " + e.getMessage() + ")", e);
        }
        return new RetriableException(operation + " " + target + " could not reach " + endpoint + ": " + e.getMessage()
                + "; will retry", e);
    }
}
