import "server-only";
import type { IHeaders, KafkaMessage } from "kafkajs";
import { bytesToText, decodeValue, toHex } from "../../debezium/shared/decode";
import type { DecodedValue } from "../../debezium/shared/types";
import { isSecretKey, MASK, maskSecrets } from "../../shared/secrets";
import { knownConnectInternalTopics, type ConnectInternalTopics } from "../topics/connect-internal";
import type { TopicMessage } from "../shared/message-types";

function headerText(v: IHeaders[string]): string {
  if (v === undefined) return "";
  if (Array.isArray(v)) return v.map((x) => headerText(x)).join(", ");
  if (typeof v === "string") return v;
  return bytesToText(v) ?? `0x${toHex(v, 64).replace(/ /g, "")}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Connect's session key (`{"key":"<base64>","algorithm":"HmacSHA256","creation-timestamp":…}`, record key
 * "session-key" in the config topic) signs the workers' internal REST calls: never shown. Recognised by shape on
 * any topic, and by record key on a known config topic.
 */
function isSessionKey(json: Record<string, unknown>, key: string | null, onConfigTopic: boolean): boolean {
  if (!("key" in json)) return false;
  if (onConfigTopic && key === "session-key") return true;
  return typeof json.key === "string" && ("algorithm" in json || "creation-timestamp" in json);
}

/**
 * Secrets out of a decoded value: every secret-named field at any depth (connector configs in Connect's config
 * topic are `{"properties":{"database.password":…}}`; other JSON and change-event rows too), and the session key.
 */
function maskValue(value: DecodedValue, key: string | null, onConfigTopic: boolean): DecodedValue {
  if (value.kind === "json") {
    const json = maskSecrets(value.json);
    if (isRecord(json) && isSessionKey(json, key, onConfigTopic)) json.key = MASK;
    return { ...value, json };
  }
  if (value.kind === "change") return { ...value, before: value.before && maskSecrets(value.before), after: value.after && maskSecrets(value.after) };
  return value;
}

/** A JSON record key with secret-named fields, masked (other keys as they are). */
function maskKey(key: string | null): string | null {
  if (key === null || !/^\s*[[{]/.test(key)) return key;
  try {
    const parsed: unknown = JSON.parse(key);
    const masked = maskSecrets(parsed);
    return JSON.stringify(masked) === JSON.stringify(parsed) ? key : JSON.stringify(masked);
  } catch {
    return key;
  }
}

/**
 * A kafkajs record as the browser sees it: key and headers as text, value decoded (Debezium-aware), secrets
 * masked (the one place every browsed, tailed and exported message passes). `live`: the record just arrived, so
 * the capture latency runs to now; otherwise (history) to its Kafka timestamp. `topic` lets Connect's own config
 * topic be recognised by name (lib/kafka/topics/connect-internal.ts) on top of the records' shapes.
 */
export function toTopicMessage(partition: number, m: KafkaMessage, live: boolean, now = Date.now(), topic?: string, internal?: ConnectInternalTopics): TopicMessage {
  const keyText = m.key === null ? null : bytesToText(m.key);
  const key = m.key === null ? null : (keyText ?? toHex(m.key, 256));
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) headers[k] = isSecretKey(k) && v !== undefined ? MASK : headerText(v);
  const onConfigTopic = topic !== undefined && (internal ?? knownConnectInternalTopics()).config.includes(topic);
  const value = decodeValue(m.value, live ? { key, now, latencyBasis: "received" } : { key, now: Number(m.timestamp), latencyBasis: "kafka" });
  return {
    id: `${partition}:${m.offset}`,
    partition,
    offset: m.offset,
    timestamp: Number(m.timestamp),
    key: maskKey(key),
    keyIsBinary: m.key !== null && keyText === null,
    headers,
    value: maskValue(value, key, onConfigTopic),
    size: m.value?.length ?? 0,
  };
}
