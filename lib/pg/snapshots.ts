import "server-only";
import { randomUUID } from "node:crypto";
import * as connect from "../connect/client";
import { redactionList, resolveCluster } from "../connect/client";
import { isDebeziumPostgres } from "../connect/debezium-evidence";
import { AppError } from "../errors";
import { browseTopic } from "../kafka/messages/browse";
import { browseQuerySchema } from "../kafka/shared/browse-types";
import { tableNotFound } from "./catalog";
import { databaseOfConnector, toConnectorFacts } from "./debezium-connectors";
import { ident, qualified, readOnly, readWrite, resolveDatabase } from "./session";
import { parseNotification, snapshotProgress, type SnapshotProgress } from "./shared/snapshot-progress";
import type { SnapshotSetup } from "./shared/types";

// Debezium incremental snapshots on demand: a signal table the connector watches (signal.data.collection), an
// execute-snapshot row inserted into it, and the progress Debezium reports on its notification topic
// (notification.enabled.channels=sink). Checked against the lab's Debezium 3.6.1: the signal table only needs to be
// in the publication, not in table.include.list.

export const SIGNAL_SCHEMA = "public";
export const SIGNAL_TABLE = "debezium_signal";

async function connectorConfig(clusterId: string, name: string) {
  const cluster = resolveCluster(clusterId);
  const cfg = await connect.getConnectorConfig(cluster, name);
  if (!isDebeziumPostgres(cfg["connector.class"] ?? "")) {
    throw new AppError(422, "not_debezium_postgres", `Connector "${name}" is not a Debezium PostgreSQL connector. Nothing was changed.`, "console", { params: { connector: name, className: cfg["connector.class"] ?? "" } });
  }
  const databaseId = databaseOfConnector(cfg);
  if (!databaseId) {
    throw new AppError(422, "connector_other_database", `Connector "${name}" reads ${cfg["database.hostname"]}:${cfg["database.port"] ?? "5432"}/${cfg["database.dbname"]}, not a database the console inspects.`, "console", {
      params: { connector: name, target: `${cfg["database.hostname"]}:${cfg["database.port"] ?? "5432"}/${cfg["database.dbname"]}`, database: "" },
    });
  }
  return { cluster, cfg, databaseId };
}

/** Split "schema.table" at the first dot (Debezium's own form for signal.data.collection on PostgreSQL). */
function splitCollection(c: string): { schema: string; table: string } {
  const i = c.indexOf(".");
  return i < 0 ? { schema: "public", table: c } : { schema: c.slice(0, i), table: c.slice(i + 1) };
}

export async function getSnapshotSetup(clusterId: string, name: string): Promise<SnapshotSetup> {
  const { cfg, databaseId } = await connectorConfig(clusterId, name);
  const facts = toConnectorFacts(clusterId, name, cfg, null);
  const db = resolveDatabase(databaseId);
  const signal = cfg["signal.data.collection"] || null;
  const target = signal ? splitCollection(signal) : { schema: SIGNAL_SCHEMA, table: SIGNAL_TABLE };
  const channels = (cfg["notification.enabled.channels"] ?? "").split(",").map((s) => s.trim());
  const topic = channels.includes("sink") ? cfg["notification.sink.topic.name"] || null : null;
  const state = await readOnly(db.role, `Checking ${name}'s signal table`, async (c) => {
    const t = await c.query("SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p')", [target.schema, target.table]);
    const p = await c.query<{ puballtables: boolean; has: boolean }>(
      "SELECT p.puballtables, EXISTS (SELECT 1 FROM pg_publication_tables t WHERE t.pubname = p.pubname AND t.schemaname = $2 AND t.tablename = $3) AS has FROM pg_publication p WHERE p.pubname = $1",
      [facts.publicationName, target.schema, target.table],
    );
    return { exists: Boolean(t.rowCount), inPublication: Boolean(p.rows[0]?.puballtables || p.rows[0]?.has) };
  });
  const missing: SnapshotSetup["missing"] = [];
  if (!state.exists) missing.push("signal_table");
  if (!state.inPublication) missing.push("signal_in_publication");
  if (!signal) missing.push("signal_config");
  if (!topic) missing.push("notifications_config");
  return {
    cluster: clusterId,
    connector: name,
    database: databaseId,
    signalCollection: signal,
    signalTableExists: state.exists,
    signalInPublication: state.inPublication,
    notificationsTopic: topic,
    missing,
    capturedTables: facts.tableIncludeList,
  };
}

/**
 * The offered fix: creates the signal table (Debezium's documented shape), adds it to the connector's publication
 * and sets signal.data.collection and the sink notification channel on the connector (Connect restarts it).
 */
export async function prepareSnapshots(clusterId: string, name: string): Promise<{ applied: string[] }> {
  const setup = await getSnapshotSetup(clusterId, name);
  if (!setup.missing.length) throw new AppError(409, "fix_not_needed", `Connector "${name}" already has a signal table and notifications. Nothing was changed.`, "console", { params: { connector: name, what: "signal.data.collection" } });
  const { cluster, cfg, databaseId } = await connectorConfig(clusterId, name);
  const db = resolveDatabase(databaseId);
  const facts = toConnectorFacts(clusterId, name, cfg, null);
  const target = setup.signalCollection ? splitCollection(setup.signalCollection) : { schema: SIGNAL_SCHEMA, table: SIGNAL_TABLE };
  const applied: string[] = [];
  if (setup.missing.includes("signal_table") || setup.missing.includes("signal_in_publication")) {
    await readWrite(db.role, `Preparing ${name}'s signal table`, async (c) => {
      if (!setup.signalTableExists) {
        const sql = `CREATE TABLE ${qualified(target.schema, target.table)} (id varchar(42) PRIMARY KEY, type varchar(32) NOT NULL, data varchar(2048) NULL)`;
        await c.query(sql);
        applied.push(sql);
      }
      const pub = await c.query<{ puballtables: boolean }>("SELECT puballtables FROM pg_publication WHERE pubname = $1", [facts.publicationName]);
      if (pub.rowCount && !pub.rows[0].puballtables && !setup.signalInPublication) {
        const sql = `ALTER PUBLICATION ${ident(facts.publicationName)} ADD TABLE ${qualified(target.schema, target.table)}`;
        await c.query(sql);
        applied.push(sql);
      }
    });
  }
  const changes: Record<string, string> = {};
  if (!setup.signalCollection) changes["signal.data.collection"] = `${target.schema}.${target.table}`;
  if (!setup.notificationsTopic) {
    const channels = new Set((cfg["notification.enabled.channels"] ?? "").split(",").map((s) => s.trim()).filter(Boolean));
    channels.add("sink");
    changes["notification.enabled.channels"] = [...channels].join(",");
    changes["notification.sink.topic.name"] = cfg["notification.sink.topic.name"] || `${cfg["topic.prefix"] ?? name}.debezium_notifications`;
  }
  if (Object.keys(changes).length) {
    await connect.putConnectorConfig(cluster, name, { ...cfg, ...changes }, redactionList(cfg));
    applied.push(Object.entries(changes).map(([k, v]) => `${k}=${v}`).join(", "));
  }
  return { applied };
}

/** Inserts an execute-snapshot signal (incremental) for the given tables; each must exist. */
export async function startIncrementalSnapshot(clusterId: string, name: string, tables: { schema: string; table: string }[]): Promise<{ signalId: string; tables: string[] }> {
  const setup = await getSnapshotSetup(clusterId, name);
  if (setup.missing.length) {
    throw new AppError(409, "snapshot_not_ready", `Connector "${name}" cannot take signals yet (missing: ${setup.missing.join(", ")}). Apply the offered fix first; nothing was sent.`, "console", { params: { connector: name, missing: setup.missing.join(", ") } });
  }
  const db = resolveDatabase(setup.database!);
  const target = splitCollection(setup.signalCollection!);
  // 36 characters: the documented signal table holds ids of at most 42.
  const signalId = randomUUID();
  const names = tables.map((t) => `${t.schema}.${t.table}`);
  await readWrite(db.role, `Signalling ${name}`, async (c) => {
    for (const t of tables) {
      const r = await c.query("SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p')", [t.schema, t.table]);
      if (!r.rowCount) throw tableNotFound(db.name, t.schema, t.table);
    }
    await c.query(`INSERT INTO ${qualified(target.schema, target.table)} (id, type, data) VALUES ($1, 'execute-snapshot', $2)`, [signalId, JSON.stringify({ "data-collections": names, type: "incremental" })]);
  });
  return { signalId, tables: names };
}

/** The connector's incremental snapshots, newest first, from its notification topic (the last 500 records). */
export async function readSnapshotProgress(clusterId: string, name: string): Promise<{ topic: string | null; snapshots: SnapshotProgress[] }> {
  const setup = await getSnapshotSetup(clusterId, name);
  if (!setup.notificationsTopic) return { topic: null, snapshots: [] };
  try {
    const page = await browseTopic(setup.notificationsTopic, browseQuerySchema.parse({ from: "latest", limit: 500 }));
    const notes = page.messages.flatMap((m) => (m.value.kind === "json" ? [parseNotification(m.value.json)] : [])).filter((n) => n !== null);
    return { topic: setup.notificationsTopic, snapshots: snapshotProgress(notes) };
  } catch (e) {
    // No notification yet: Debezium creates the topic with its first one.
    if (e instanceof AppError && e.status === 404) return { topic: setup.notificationsTopic, snapshots: [] };
    throw e;
  }
}
