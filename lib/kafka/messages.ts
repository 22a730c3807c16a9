import "server-only";
import type { IHeaders, KafkaMessage } from "kafkajs";
import { bytesToText, decodeValue, toHex } from "../debezium/decode";
import type { TopicMessage } from "./message-types";

function headerText(v: IHeaders[string]): string {
  if (v === undefined) return "";
  if (Array.isArray(v)) return v.map((x) => headerText(x)).join(", ");
  if (typeof v === "string") return v;
  return bytesToText(v) ?? `0x${toHex(v, 64).replace(/ /g, "")}`;
}

/**
 * A kafkajs record as the browser sees it: key and headers as text, value decoded (Debezium-aware). `live`:
 * the record just arrived, so the capture latency runs to now; otherwise (history) to its Kafka timestamp.
 */
export function toTopicMessage(partition: number, m: KafkaMessage, live: boolean, now = Date.now()): TopicMessage {
  const keyText = m.key === null ? null : bytesToText(m.key);
  const key = m.key === null ? null : (keyText ?? toHex(m.key, 256));
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) headers[k] = headerText(v);
  return {
    id: `${partition}:${m.offset}`,
    partition,
    offset: m.offset,
    timestamp: Number(m.timestamp),
    key,
    keyIsBinary: m.key !== null && keyText === null,
    headers,
    value: decodeValue(m.value, live ? { key, now, latencyBasis: "received" } : { key, now: Number(m.timestamp), latencyBasis: "kafka" }),
    size: m.value?.length ?? 0,
  };
}
