import "server-only";
import { config } from "../config";
import { scrubSecrets } from "../errors";
import { pool } from "../pg/client";
import { redactValues } from "../shared/secrets";
import { redactionList } from "./client";
import { DEBEZIUM_CLASS } from "./templates/templates";
import type { DebeziumEvidence } from "./shared/types";

// For a Debezium PostgreSQL source: what PostgreSQL itself says about the connector's slot and publication.
// Read-only catalog queries on the console's OLTP pool.

export function isDebeziumPostgres(className: string): boolean {
  return className === DEBEZIUM_CLASS || className === "PostgresConnector" || className === "Postgres";
}

/** Is the connector's database the OLTP database the console can query? (Same name and port.) */
function pointsAtConsoleDatabase(cfg: Record<string, string>): boolean {
  const c = config().postgres;
  const hosts = new Set([c.host, c.hostForConnect, "localhost", "127.0.0.1"]);
  return cfg["database.dbname"] === c.oltpDatabase && String(cfg["database.port"] ?? "5432") === String(c.port) && hosts.has(cfg["database.hostname"] ?? "");
}

export async function debeziumEvidence(cfg: Record<string, string>): Promise<DebeziumEvidence> {
  const slotName = cfg["slot.name"] || "debezium";
  const publicationName = cfg["publication.name"] || "dbz_publication";
  const evidence: DebeziumEvidence = {
    database: cfg["database.dbname"] ?? "",
    host: cfg["database.hostname"] ?? "",
    port: cfg["database.port"] ?? "5432",
    user: cfg["database.user"] ?? "",
    slot: { name: slotName, exists: null, active: null, plugin: null, confirmedFlushLsn: null, retainedWal: null },
    publication: { name: publicationName, exists: null, tables: [] },
    capturedTables: (cfg["table.include.list"] ?? "").split(",").map((t) => t.trim()).filter(Boolean),
    note: null,
  };
  if (!pointsAtConsoleDatabase(cfg)) {
    evidence.note = `The console only inspects its own OLTP database (${config().postgres.oltpDatabase} on port ${config().postgres.port}); this connector reads ${evidence.host}:${evidence.port}/${evidence.database}.`;
    return evidence;
  }
  try {
    const db = pool("oltp");
    const [slot, pub, tables] = await Promise.all([
      db.query<{ plugin: string; active: boolean; confirmed_flush_lsn: string | null; retained: string | null }>(
        `SELECT plugin, active, confirmed_flush_lsn::text AS confirmed_flush_lsn,
                pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained
           FROM pg_replication_slots WHERE slot_name = $1 AND database = current_database()`,
        [slotName],
      ),
      db.query("SELECT 1 FROM pg_publication WHERE pubname = $1", [publicationName]),
      db.query<{ t: string }>("SELECT schemaname || '.' || tablename AS t FROM pg_publication_tables WHERE pubname = $1 ORDER BY 1", [publicationName]),
    ]);
    const s = slot.rows[0];
    evidence.slot = { name: slotName, exists: Boolean(s), active: s ? s.active : false, plugin: s?.plugin ?? null, confirmedFlushLsn: s?.confirmed_flush_lsn ?? null, retainedWal: s?.retained ?? null };
    evidence.publication = { name: publicationName, exists: (pub.rowCount ?? 0) > 0, tables: tables.rows.map((r) => r.t) };
  } catch (e) {
    evidence.note = `PostgreSQL could not be asked about the slot and publication: ${redactValues(scrubSecrets((e as Error).message), redactionList())}`;
  }
  return evidence;
}
