package lab.console.connect.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ObjectStoreTest {

    private static final String ENDPOINT = "http://127.0.0.1:9000";

    private static S3Exception s3(int status, String code, String message) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .message(message).build();
    }

    private static RuntimeException put(Exception e) {
        return S3ObjectStore.translate((software.amazon.awssdk.core.exception.SdkException) e, "PutObject", "raw", "topics/t/x.jsonl", ENDPOINT);
    }

    @Test
    void serverErrorsThrottlingAndNetworkFailuresAreRetriable() {
        assertInstanceOf(RetriableException.class, put(s3(500, "InternalError", "boom")));
        assertInstanceOf(RetriableException.class, put(s3(503, "SlowDown", "slow down")));
        assertInstanceOf(RetriableException.class, put(s3(429, "TooManyRequests", "later")));
        RuntimeException refused = put(SdkClientException.create("Unable to execute HTTP request: Connection refused"));
        assertInstanceOf(RetriableException.class, refused);
        assertTrue(refused.getMessage().contains(ENDPOINT), refused.getMessage());
        assertInstanceOf(RetriableException.class, put(ApiCallTimeoutException.create(120_000)));
    }

    @Test
    void missingBucketNamesTheBucketAndSaysToCreateIt() {
        RuntimeException e = put(s3(404, "NoSuchBucket", "The specified bucket does not exist"));
        assertEquals(ConnectException.class, e.getClass());
        assertTrue(e.getMessage().startsWith("NoSuchBucket"), e.getMessage());
        assertTrue(e.getMessage().contains("'raw'") && e.getMessage().contains("created first"), e.getMessage());

        // HEAD has no body: the SDK only knows the status
        NoSuchBucketException head = (NoSuchBucketException) NoSuchBucketException.builder().statusCode(404).build();
        RuntimeException h = S3ObjectStore.translate(head, "HeadBucket", "raw", null, ENDPOINT);
        assertEquals(ConnectException.class, h.getClass());
        assertTrue(h.getMessage().contains("'raw'"), h.getMessage());
    }

    @Test
    void clientErrorsFailWithTheS3CodeAndMessage() {
        Map<String, String> expected = Map.of(
                "InvalidAccessKeyId", "aws.access.key.id",
                "SignatureDoesNotMatch", "aws.secret.access.key",
                "AccessDenied", "may not write",
                "InvalidBucketName", "InvalidBucketName");
        expected.forEach((code, hint) -> {
            RuntimeException e = put(s3(code.equals("InvalidBucketName") ? 400 : 403, code, "msg for " + code));
            assertEquals(ConnectException.class, e.getClass(), code);
            assertTrue(e.getMessage().startsWith(code), e.getMessage());
            assertTrue(e.getMessage().contains(hint), e.getMessage());
            assertTrue(e.getMessage().contains("msg for " + code), e.getMessage());
            assertNotNull(e.getCause());
        });
    }

    @Test
    void noCredentialsAnywhereFailsAtOnceNamingTheKeys() {
        RuntimeException e = put(SdkClientException.create("Unable to load credentials from any of the providers in the chain"));
        assertEquals(ConnectException.class, e.getClass(), "retrying cannot find credentials");
        assertTrue(e.getMessage().contains("aws.access.key.id") && e.getMessage().contains("s3.access.key"), e.getMessage());
        assertTrue(e.getMessage().contains(ENDPOINT), e.getMessage());
    }

    /** A stand-in S3 server: HEAD gets a bare 403 (as S3Proxy and MinIO answer it), GET the XML error. */
    @Test
    void aForbiddenBucketCheckAsksAgainToLearnTheS3Code() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(403, -1);
            } else {
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SignatureDoesNotMatch</Code>"
                        + "<Message>The request signature we calculated does not match the signature you provided.</Message></Error>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(403, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        try (S3ObjectStore store = new S3ObjectStore(new S3SinkConfig(Map.of("s3.bucket.name", "raw", "s3.endpoint", url,
                "s3.access.key", "sudoers123", "s3.secret.key", "wrong")))) {
            ConnectException e = assertThrows(ConnectException.class, store::checkBucket);
            assertEquals(ConnectException.class, e.getClass());
            assertTrue(e.getMessage().startsWith("SignatureDoesNotMatch"), e.getMessage());
            assertTrue(e.getMessage().contains(url), e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aClosedPortIsRetriableAndNamesTheEndpoint() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        try (S3ObjectStore store = new S3ObjectStore(new S3SinkConfig(Map.of("s3.bucket.name", "raw", "store.url", url,
                "aws.access.key.id", "a", "aws.secret.access.key", "b")))) {
            RetriableException e = assertThrows(RetriableException.class, store::checkBucket);
            assertTrue(e.getMessage().contains("could not reach " + url), e.getMessage());
        }
    }
}
