// Which connectors point at a bucket or a topic, from their configs: what a delete confirmation must name.
// Pure (the configs come from lib/connect/usage.ts).
import type { ConnectorType } from "./types";

export type UsageTarget = { bucket: string } | { topic: string };

/** One connector that uses the target: it writes there (sinks into a bucket, sources into a topic) or reads it. */
export interface ConnectorUse {
  cluster: string;
  name: string;
  type: ConnectorType;
  state: string | null;
  role: "writes" | "reads";
  /** The config key that points at the target (`s3.bucket.name`, `topics`, `topics.regex`, `table.include.list`, …). */
  via: string;
}

/** Bucket keys of the lab's, Confluent's and other S3/GCS sinks and sources. */
export const BUCKET_KEYS = ["s3.bucket.name", "s3.bucket", "bucket", "bucket.name", "aws.s3.bucket", "gcs.bucket.name"] as const;

/** A comma-separated config value (`topics`, `table.include.list`, …) as its trimmed, non-empty entries. */
export const splitList = (s: string | undefined) => (s ?? "").split(",").map((x) => x.trim()).filter(Boolean);

/** Whether a config's regular expression matches the whole value, as Connect and Debezium apply it (an invalid one: literally). */
export function fullMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return pattern === value;
  }
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The config key by which `config` points at `target`, and whether the connector writes or reads it; null if not. */
export function useOf(type: ConnectorType, config: Record<string, string>, target: UsageTarget): { role: "writes" | "reads"; via: string } | null {
  if ("bucket" in target) {
    const via = BUCKET_KEYS.find((k) => config[k]?.trim() === target.bucket);
    return via ? { role: type === "source" ? "reads" : "writes", via } : null;
  }
  const topic = target.topic;
  if (type === "sink") {
    if (splitList(config.topics).includes(topic)) return { role: "reads", via: "topics" };
    if (config["topics.regex"] && fullMatch(config["topics.regex"], topic)) return { role: "reads", via: "topics.regex" };
    return null;
  }
  if (config.topic === topic || config["kafka.topic"] === topic) return { role: "writes", via: config.topic === topic ? "topic" : "kafka.topic" };
  // Debezium: <topic.prefix>.<schema>.<table>; the include list's entries are regular expressions.
  const prefix = config["topic.prefix"];
  if (!prefix || !topic.startsWith(`${prefix}.`)) return null;
  const tables = splitList(config["table.include.list"]);
  if (!tables.length) return { role: "writes", via: "topic.prefix" };
  const rest = topic.slice(prefix.length + 1);
  return tables.some((t) => fullMatch(t, rest) || fullMatch(`${escapeRegex(prefix)}\\.(?:${t})`, topic)) ? { role: "writes", via: "table.include.list" } : null;
}
