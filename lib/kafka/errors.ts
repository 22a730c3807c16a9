import "server-only";
import { config } from "../config";
import { AppError, networkFailure, scrubSecrets } from "../errors";

/** Kafka's "no such topic" as an AppError that says how topics come to exist. */
export function unknownTopic(topic: string): AppError {
  return new AppError(
    404,
    "unknown_topic",
    `Topic "${topic}" does not exist in Kafka. Topics appear when a producer writes to them: register the Debezium connector for its table (its topic is <topic.prefix>.<schema>.<table>) or create the topic on the Topics page.`,
    "kafka",
    { params: { topic } },
  );
}

/** Any kafkajs failure as an AppError naming the cause and, where we know it, the fix. */
export function kafkaError(e: unknown, doing: string): AppError {
  if (e instanceof AppError) return e;
  // kafkajs wraps per-topic failures (createTopics: "Topic creation errors") in an aggregate: the cause is inside.
  const inner = (e as { name?: string; errors?: unknown[] })?.errors;
  if ((e as { name?: string })?.name === "KafkaJSAggregateError" && Array.isArray(inner) && inner.length > 0) return kafkaError(inner[0], doing);
  const err = e as { type?: string; message?: string; name?: string };
  const message = scrubSecrets(String(err?.message ?? e));
  const brokers = config().kafka.brokers.join(",");
  const opts = (retryAfter?: number) => ({ params: { doing, brokers }, detail: message, retryAfter });
  if (networkFailure(e) || /KafkaJSNumberOfRetriesExceeded|KafkaJSConnectionError|broker.*not.*available/i.test(`${err?.name} ${message}`)) {
    return new AppError(503, "kafka_unreachable", `Could not ${doing}: Kafka at ${brokers} did not answer (${message}). Is the lab up? Run \`npm run lab:up\`.`, "kafka", opts(5));
  }
  switch (err?.type) {
    case "UNKNOWN_TOPIC_OR_PARTITION":
      return new AppError(404, "unknown_topic", `Could not ${doing}: the topic does not exist (${message}).`, "kafka", opts());
    case "TOPIC_ALREADY_EXISTS":
      return new AppError(409, "topic_exists", `Could not ${doing}: a topic with that name already exists. Pick another name or open the existing topic.`, "kafka", opts());
    case "INVALID_REPLICATION_FACTOR":
      return new AppError(422, "invalid_replication_factor", `Could not ${doing}: the replication factor is larger than the number of brokers (${message}). Use a replication factor no larger than the number of brokers.`, "kafka", opts());
    case "INVALID_PARTITIONS":
      return new AppError(422, "invalid_partitions", `Could not ${doing}: ${message}`, "kafka", opts());
    case "INVALID_TOPIC_EXCEPTION":
      return new AppError(422, "invalid_topic", `Could not ${doing}: Kafka refused the topic name (${message}).`, "kafka", opts());
    case "TOPIC_DELETION_DISABLED":
      return new AppError(409, "topic_deletion_disabled", `Could not ${doing}: the broker has delete.topic.enable=false. Enable it in the broker configuration and restart Kafka.`, "kafka", opts());
    case "GROUP_ID_NOT_FOUND":
      return new AppError(404, "unknown_group", `Could not ${doing}: no such consumer group.`, "kafka", opts());
    default:
      return new AppError(502, "kafka_error", `Could not ${doing}: ${message}`, "kafka", opts());
  }
}
