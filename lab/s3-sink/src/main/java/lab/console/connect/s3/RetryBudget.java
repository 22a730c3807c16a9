package lab.console.connect.s3;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * Bounds the retries of retriable S3 failures: Kafka Connect would otherwise retry a RetriableException forever,
 * leaving a task RUNNING that never writes (an unreachable endpoint, say). After {@code maxRetries} failures in a
 * row the next one fails the task with the last cause; any success starts the count again.
 */
final class RetryBudget {

    private final int maxRetries;
    private int failures;

    RetryBudget(int maxRetries) {
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0");
        this.maxRetries = maxRetries;
    }

    /** Counts a failure: returns it to rethrow while retries remain, else a ConnectException with its cause. */
    RuntimeException fail(RetriableException e) {
        failures++;
        if (failures <= maxRetries) return e;
        return new ConnectException("giving up after " + failures + " attempt(s) in a row (" + S3SinkConfig.S3_MAX_RETRIES
                + "=" + maxRetries + "): " + withoutRetryNote(e.getMessage()), e);
    }

    void succeeded() {
        failures = 0;
    }

    int failures() {
        return failures;
    }

    private static String withoutRetryNote(String message) {
        if (message == null) return "";
        return message.endsWith("; will retry") ? message.substring(0, message.length() - "; will retry".length()) : message;
    }
}
