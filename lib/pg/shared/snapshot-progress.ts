// Debezium's notifications (notification.enabled.channels=sink) → the progress of an incremental snapshot.
// The shapes are those captured from the lab (doctor/fixtures/incremental_snapshot_notifications.json). Pure.

export interface DebeziumNotification {
  id: string;
  type: string;
  aggregateType: string;
  additionalData: Record<string, string>;
  timestamp: number;
}

export interface SnapshotProgress {
  /** The signal id that started it (Debezium reuses it as the notifications' id). */
  id: string;
  /** STARTED, IN_PROGRESS, PAUSED, RESUMED, ABORTED, COMPLETED (Debezium's words). */
  state: string;
  collections: string[];
  current: string | null;
  lastKey: string | null;
  maxKey: string | null;
  /** Per table scanned: rows and status (SUCCEEDED, EMPTY, NO_PRIMARY_KEY, SKIPPED, …). */
  tables: { name: string; rows: number; status: string }[];
  startedAt: number;
  updatedAt: number;
}

/** A record of the notification topic (JsonConverter with or without schemas) as a notification, or null. */
export function parseNotification(json: unknown): DebeziumNotification | null {
  const env = json as { payload?: unknown } | null;
  const p = (env && typeof env === "object" && "payload" in env ? env.payload : json) as Record<string, unknown> | null;
  if (!p || typeof p !== "object" || typeof p.id !== "string" || typeof p.type !== "string" || typeof p.aggregate_type !== "string") return null;
  const data = (p.additional_data ?? {}) as Record<string, unknown>;
  return {
    id: p.id,
    type: p.type,
    aggregateType: p.aggregate_type,
    additionalData: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)])),
    timestamp: typeof p.timestamp === "number" ? p.timestamp : Number(p.timestamp ?? 0),
  };
}

/** Incremental snapshots, newest first, folded from their notifications (in topic order). */
export function snapshotProgress(notifications: DebeziumNotification[]): SnapshotProgress[] {
  const byId = new Map<string, SnapshotProgress>();
  for (const n of notifications) {
    if (n.aggregateType !== "Incremental Snapshot") continue;
    let s = byId.get(n.id);
    if (!s) {
      s = { id: n.id, state: n.type, collections: [], current: null, lastKey: null, maxKey: null, tables: [], startedAt: n.timestamp, updatedAt: n.timestamp };
      byId.set(n.id, s);
    }
    const d = n.additionalData;
    if (d.data_collections) s.collections = d.data_collections.split(",").map((x) => x.trim()).filter(Boolean);
    if (n.type === "IN_PROGRESS") {
      s.current = d.current_collection_in_progress ?? s.current;
      s.lastKey = d.last_processed_key ?? s.lastKey;
      s.maxKey = d.maximum_key ?? s.maxKey;
    }
    if (n.type === "TABLE_SCAN_COMPLETED") {
      s.tables.push({ name: d.scanned_collection ?? "", rows: Number(d.total_rows_scanned ?? 0), status: d.status ?? "" });
    } else {
      s.state = n.type;
    }
    if (n.type === "COMPLETED" || n.type === "ABORTED") s.current = null;
    s.updatedAt = n.timestamp;
  }
  return [...byId.values()].sort((a, b) => b.startedAt - a.startedAt);
}
