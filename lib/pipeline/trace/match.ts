// Trace a change, the pure part: the marker written into the row, matching the Debezium event (by key and by the
// marker in `after`) and the object's line, which tables a connector captures, and why a trace stopped.
import "server-only";
import { splitList as split } from "../../connect/shared/usage-match";
import { parseKeyFields } from "../../debezium/shared/key";
import type { StopCode, TraceSink, TraceStop } from "../shared/trace";

/** The value written into the row's text column: the original with the marker appended when it fits, else the marker. */
export function markedValue(original: string | null, marker: string, maxLength: number | null): string {
  const tag = `[${marker}]`;
  const appended = original ? `${original} ${tag}` : tag;
  if (maxLength === null || appended.length <= maxLength) return appended;
  return tag;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** A Debezium change payload from a record value or a sink's line: with or without the JsonConverter's schema. */
export function changePayload(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    let v = JSON.parse(text) as unknown;
    if (isRecord(v) && "payload" in v && "schema" in v) v = v.payload;
    return isRecord(v) ? v : null;
  } catch {
    return null;
  }
}

/** True when the change's `after` carries the marker (a restoring update's `before` may carry it too: not a match). */
export function afterHasMarker(payload: Record<string, unknown> | null, marker: string): boolean {
  const after = payload?.after;
  if (!isRecord(after)) return false;
  return Object.values(after).some((v) => typeof v === "string" && v.includes(marker));
}

export interface EventMatch {
  lsn: string | null;
  sourceTsMs: number | null;
  op: string | null;
}

/** PostgreSQL's text form of an LSN ("0/16B3748") from Debezium's number. */
export function lsnText(lsn: unknown): string | null {
  if (typeof lsn !== "number" && typeof lsn !== "string") return null;
  try {
    const n = BigInt(lsn);
    return `${(n >> 32n).toString(16).toUpperCase()}/${(n & 0xffffffffn).toString(16).toUpperCase()}`;
  } catch {
    return null;
  }
}

/** The event of the traced change: its key names the row's key and its `after` carries the marker. */
export function matchEvent(keyText: string | null, valueText: string | null, rowKey: Record<string, string>, marker: string): EventMatch | null {
  if (!valueText || !valueText.includes(marker)) return null;
  const payload = changePayload(valueText);
  if (!afterHasMarker(payload, marker)) return null;
  const key = parseKeyFields(keyText);
  if (!key || Object.entries(rowKey).some(([k, v]) => key[k] !== v)) return null;
  const source = isRecord(payload!.source) ? payload!.source : {};
  const ts = Number(source.ts_ms);
  return { lsn: lsnText(source.lsn), sourceTsMs: Number.isFinite(ts) ? ts : null, op: typeof payload!.op === "string" ? payload!.op : null };
}

/** True when a sink's line is the traced event (JSON lines; the line holds the value as the sink wrote it). */
export function lineMatches(line: string, marker: string): boolean {
  if (!line.includes(marker)) return false;
  const payload = changePayload(line);
  // A sink that writes something else than the envelope (a flattened row): the marker in the line is the evidence.
  if (!payload || !("after" in payload)) return true;
  return afterHasMarker(payload, marker);
}

// S3Proxy's filesystem store writes `<key>-<uuid>` and renames it when the upload completes.
const IN_FLIGHT = /-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Partition and first offset from a sink's key (`…/<topic>+<partition>+<startOffset>.<ext>`: the lab's and Confluent's). */
export function keyOffsets(key: string): { partition: number; startOffset: bigint } | null {
  const m = /\+(\d+)\+(\d+)(?:\.[A-Za-z0-9.]+)?$/.exec(key);
  return m ? { partition: Number(m[1]), startOffset: BigInt(m[2]!) } : null;
}

/** Whether an object may hold the event: finished, written after the event, and (when its key says) its partition and range. */
export function mayHoldEvent(o: { key: string; lastModified: number }, event: { partition: number; offset: bigint; brokerAt: number }): boolean {
  if (IN_FLIGHT.test(o.key)) return false;
  // Last-Modified has second precision on many servers: allow one second before the event.
  if (o.lastModified < event.brokerAt - 1000) return false;
  const k = keyOffsets(o.key);
  if (k && (k.partition !== event.partition || k.startOffset > event.offset)) return false;
  return true;
}

function fullMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, "i").test(value);
  } catch {
    return pattern.toLowerCase() === value.toLowerCase();
  }
}

/** Whether a Debezium connector's include/exclude lists capture `schema.table` (its entries are regular expressions). */
export function capturesTable(cfg: Record<string, string>, schema: string, table: string): boolean {
  const full = `${schema}.${table}`;
  const schemasIn = split(cfg["schema.include.list"]);
  const schemasOut = split(cfg["schema.exclude.list"]);
  const tablesIn = split(cfg["table.include.list"]);
  const tablesOut = split(cfg["table.exclude.list"]);
  if (schemasIn.length && !schemasIn.some((p) => fullMatch(p, schema))) return false;
  if (schemasOut.some((p) => fullMatch(p, schema))) return false;
  if (tablesIn.length) return tablesIn.some((p) => fullMatch(p, full));
  return !tablesOut.some((p) => fullMatch(p, full));
}

/** The topic Debezium writes a table's changes to: `<topic.prefix>.<schema>.<table>`. */
export function topicOfTable(cfg: Record<string, string>, schema: string, table: string): string {
  return `${cfg["topic.prefix"] ?? ""}.${schema}.${table}`;
}

/** What the console found when no event came: in the order a person would check. */
export interface EventFacts {
  cluster: string;
  connector: string;
  connectorState: string;
  /** The first task that is not RUNNING, if any. */
  taskState: string | null;
  capturedByConfig: boolean;
  publication: string;
  inPublication: boolean;
  slot: string;
  slotActive: boolean | null;
  table: string;
  seconds: number;
}

export const connectorHref = (cluster: string, name: string) => `/connectors/${encodeURIComponent(cluster)}/${encodeURIComponent(name)}`;

/** The CDC doctor on the database page, narrowed to the connector; `rule` names the doctor's rule to look at. */
export function doctorHref(cluster: string, connector: string, rule: string): string {
  const q = new URLSearchParams({ db: "oltp", tab: "doctor", cluster, connector, rule });
  return `/database?${q.toString()}`;
}

/** Why no event arrived: connector not RUNNING → table not captured (include list, publication) → slot inactive. */
export function eventStop(f: EventFacts): TraceStop {
  const base = { connector: f.connector, table: f.table, seconds: f.seconds };
  const stop = (code: StopCode, params: Record<string, string | number>, link: TraceStop["link"]): TraceStop => ({ code, stage: "database", params: { ...base, ...params }, link });
  if (f.connectorState !== "RUNNING" || f.taskState) {
    return stop("connector_not_running", { state: f.connectorState !== "RUNNING" ? f.connectorState : `task ${f.taskState}` }, { href: connectorHref(f.cluster, f.connector), kind: "connector" });
  }
  if (!f.capturedByConfig) return stop("table_not_in_include_list", {}, { href: doctorHref(f.cluster, f.connector, "include_list_unmatched"), kind: "doctor" });
  if (!f.inPublication) return stop("table_not_in_publication", { publication: f.publication }, { href: doctorHref(f.cluster, f.connector, "publication_missing_table"), kind: "doctor" });
  if (f.slotActive === false || f.slotActive === null) return stop("slot_inactive", { slot: f.slot }, { href: doctorHref(f.cluster, f.connector, "slot_inactive_retaining"), kind: "doctor" });
  return stop("no_event", {}, { href: connectorHref(f.cluster, f.connector), kind: "connector" });
}

/** A sink reading the topic, its state and its flush settings. */
export interface SinkFacts extends TraceSink {
  state: string;
  taskState: string | null;
  flushSize: string;
  rotateIntervalMs: string;
}

/** Why no object arrived: no sink reads the topic → a sink is PAUSED/STOPPED/FAILED → it has not flushed yet. */
export function objectStop(topic: string, sinks: SinkFacts[], seconds: number): TraceStop {
  const stop = (code: StopCode, params: Record<string, string | number>, link: TraceStop["link"]): TraceStop => ({ code, stage: "topic", params: { topic, seconds, ...params }, link });
  if (!sinks.length) return stop("no_sink", {}, { href: "/connectors/register", kind: "register" });
  const down = sinks.find((s) => s.state !== "RUNNING" || s.taskState);
  if (down) return stop("sink_not_running", { sink: down.name, state: down.state !== "RUNNING" ? down.state : `task ${down.taskState}` }, { href: connectorHref(down.cluster, down.name), kind: "connector" });
  const s = sinks[0]!;
  return stop("not_flushed", { sink: s.name, flushSize: s.flushSize, rotateIntervalMs: s.rotateIntervalMs }, { href: connectorHref(s.cluster, s.name), kind: "connector" });
}

/**
 * When an object was written, from its Last-Modified. Many servers give whole seconds: the write happened in
 * [lastModified, lastModified + 999], and not before the event reached Kafka nor after the console saw the object;
 * the answer is the middle of that window and its half-width.
 */
export function objectWrittenAt(lastModified: number, brokerAt: number, noticedAt: number): { at: number; errorMs: number } {
  if (lastModified % 1000 !== 0) return { at: lastModified, errorMs: 0 };
  const lo = Math.max(lastModified, brokerAt);
  const hi = Math.max(lo, Math.min(lastModified + 999, noticedAt));
  return { at: Math.round((lo + hi) / 2), errorMs: Math.round((hi - lo) / 2) };
}
