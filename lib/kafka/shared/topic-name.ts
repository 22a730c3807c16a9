// Kafka's rules for topic names, shared by forms (browser) and route handlers (server). Pure.
import { z } from "zod";

export const TOPIC_NAME_MAX = 249;
const LEGAL = /^[a-zA-Z0-9._-]+$/;

export type TopicNameIssue = "empty" | "tooLong" | "reserved" | "illegal";

/** Which of Kafka's naming rules `name` breaks, or null (the form shows this in the user's language). */
export function topicNameIssue(name: string): TopicNameIssue | null {
  if (name.length === 0) return "empty";
  if (name.length > TOPIC_NAME_MAX) return "tooLong";
  if (name === "." || name === "..") return "reserved";
  if (!LEGAL.test(name)) return "illegal";
  return null;
}

/** Why `name` cannot be a Kafka topic name, or null when it can (English, for API errors). */
export function topicNameProblem(name: string): string | null {
  switch (topicNameIssue(name)) {
    case "empty":
      return "A topic name cannot be empty.";
    case "tooLong":
      return `A topic name has at most ${TOPIC_NAME_MAX} characters (this one has ${name.length}).`;
    case "reserved":
      return `"${name}" is reserved and cannot be a topic name.`;
    case "illegal":
      return `"${name}" has characters Kafka does not allow: use only letters, digits, ".", "_" and "-".`;
    default:
      return null;
  }
}

export const topicNameSchema = z.string().superRefine((name, ctx) => {
  const problem = topicNameProblem(name);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/**
 * Topics that belong to Kafka or Kafka Connect rather than to the data: Kafka's own (`__consumer_offsets`…),
 * anything starting with "_", and Connect's storage topics (configs/offsets/status), which are compacted.
 */
export function isInternalTopic(name: string, compacted = false): boolean {
  if (name.startsWith("_")) return true;
  return compacted && /(^|[-_.])(configs?|offsets?|status)$/.test(name);
}

/** Body of POST /api/topics; the create form validates with the same schema. */
export const createTopicSchema = z.strictObject({
  name: topicNameSchema,
  partitions: z.number().int().min(1).max(64).default(1),
  replicationFactor: z.number().int().min(1).max(16).default(1),
});
export type CreateTopicInput = z.infer<typeof createTopicSchema>;
