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
    private final long backoffMs;
    private int failures;
    private RetriableException last;
    private long nextAttemptAtMs;

    RetryBudget(int maxRetries, long backoffMs) {
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0");
        this.maxRetries = maxRetries;
        this.backoffMs = backoffMs;
    }

    /**
     * Counts a failure at {@code nowMs}: returns it to rethrow while retries remain, else a ConnectException with
     * its cause. The next attempt is due {@code backoffMs} later.
     */
    RuntimeException fail(RetriableException e, long nowMs) {
        failures++;
        last = e;
        nextAttemptAtMs = nowMs + backoffMs;
        if (failures <= maxRetries) return e;
        return new ConnectException("giving up after " + failures + " attempt(s) in a row (" + S3SinkConfig.S3_MAX_RETRIES
                + "=" + maxRetries + "): " + withoutRetryNote(e.getMessage()), e);
    }

    /**
     * Kafka Connect redelivers a batch at its next poll, which comes at least every offset.flush.interval.ms,
     * often sooner than the backoff asked: until the next attempt is due, this is the last failure to rethrow
     * (not counted), else null.
     */
    RetriableException waiting(long nowMs) {
        return failures > 0 && nowMs < nextAttemptAtMs ? last : null;
    }

    long msUntilNextAttempt(long nowMs) {
        return Math.max(0, nextAttemptAtMs - nowMs);
    }

    void succeeded() {
        failures = 0;
        last = null;
    }

    int failures() {
        return failures;
    }

    private static String withoutRetryNote(String message) {
        if (message == null) return "";
        return message.endsWith("; will retry") ? message.substring(0, message.length() - "; will retry".length()) : message;
    }
}
