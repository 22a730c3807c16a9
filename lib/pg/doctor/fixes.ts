import "server-only";
import type pg from "pg";
import * as connect from "../../connect/client";
import { redactionList, resolveCluster } from "../../connect/client";
import { isDebeziumPostgres } from "../../connect/debezium-evidence";
import { AppError } from "../../errors";
import { tableNotFound } from "../catalog";
import { ident, qualified, readWrite, resolveDatabase } from "../session";
import type { FixAction } from "./shared/types";

// The doctor's safe fixes, and the publication/slot changes of the Replication tab. Each one re-checks its
// preconditions inside the transaction that applies it: a table dropped since the doctor ran, a slot that became
// active, a publication someone else created — each is a clear error, and nothing is changed.

export interface FixOutcome {
  type: string;
  /** What was run (SQL, or the connector keys changed). */
  applied: string;
}

const NAME_MAX = 63;

function checkName(kind: string, name: string): void {
  if (!name || Buffer.byteLength(name) > NAME_MAX) {
    throw new AppError(422, "invalid_name", `The ${kind} name must be 1 to ${NAME_MAX} bytes long; nothing was changed.`, "console", { params: { kind, max: NAME_MAX } });
  }
}

async function requireTable(c: pg.ClientBase, database: string, schema: string, table: string): Promise<void> {
  const r = await c.query(
    "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p')",
    [schema, table],
  );
  if (!r.rowCount) throw tableNotFound(database, schema, table);
}

async function requirePublication(c: pg.ClientBase, database: string, name: string): Promise<{ allTables: boolean }> {
  const r = await c.query<{ puballtables: boolean }>("SELECT puballtables FROM pg_publication WHERE pubname = $1", [name]);
  if (!r.rowCount) throw new AppError(404, "publication_not_found", `Publication "${name}" does not exist in ${database} (it may have been dropped). Nothing was changed.`, "postgres", { params: { publication: name, database } });
  return { allTables: r.rows[0].puballtables };
}

export async function createPublication(databaseId: string, publication: string, tables: { schema: string; table: string }[]): Promise<FixOutcome> {
  const db = resolveDatabase(databaseId);
  checkName("publication", publication);
  if (!tables.length) throw new AppError(422, "publication_no_tables", "Name at least one table for the publication; nothing was changed.", "console", { params: { publication } });
  return readWrite(db.role, `Creating publication ${publication}`, async (c) => {
    const exists = await c.query("SELECT 1 FROM pg_publication WHERE pubname = $1", [publication]);
    if (exists.rowCount) throw new AppError(409, "publication_exists", `Publication "${publication}" already exists in ${db.name}; nothing was changed. Add tables to it instead.`, "postgres", { params: { publication, database: db.name } });
    for (const t of tables) await requireTable(c, db.name, t.schema, t.table);
    const sql = `CREATE PUBLICATION ${ident(publication)} FOR TABLE ${tables.map((t) => qualified(t.schema, t.table)).join(", ")}`;
    await c.query(sql);
    return { type: "create_publication", applied: sql };
  });
}

export async function addTableToPublication(databaseId: string, publication: string, schema: string, table: string): Promise<FixOutcome> {
  const db = resolveDatabase(databaseId);
  return readWrite(db.role, `Adding ${schema}.${table} to publication ${publication}`, async (c) => {
    const p = await requirePublication(c, db.name, publication);
    if (p.allTables) throw new AppError(409, "publication_all_tables", `Publication "${publication}" is FOR ALL TABLES: it already publishes every table. Nothing was changed.`, "postgres", { params: { publication } });
    await requireTable(c, db.name, schema, table);
    const has = await c.query("SELECT 1 FROM pg_publication_tables WHERE pubname = $1 AND schemaname = $2 AND tablename = $3", [publication, schema, table]);
    if (has.rowCount) throw new AppError(409, "publication_has_table", `Publication "${publication}" already includes ${schema}.${table}. Nothing was changed.`, "postgres", { params: { publication, table: `${schema}.${table}` } });
    const sql = `ALTER PUBLICATION ${ident(publication)} ADD TABLE ${qualified(schema, table)}`;
    await c.query(sql);
    return { type: "add_table_to_publication", applied: sql };
  });
}

export async function removeTableFromPublication(databaseId: string, publication: string, schema: string, table: string): Promise<FixOutcome> {
  const db = resolveDatabase(databaseId);
  return readWrite(db.role, `Removing ${schema}.${table} from publication ${publication}`, async (c) => {
    const p = await requirePublication(c, db.name, publication);
    if (p.allTables) throw new AppError(409, "publication_all_tables", `Publication "${publication}" is FOR ALL TABLES: single tables cannot be removed from it. Nothing was changed.`, "postgres", { params: { publication } });
    await requireTable(c, db.name, schema, table);
    const has = await c.query("SELECT 1 FROM pg_publication_rel r JOIN pg_publication p ON p.oid = r.prpubid JOIN pg_class c ON c.oid = r.prrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE p.pubname = $1 AND n.nspname = $2 AND c.relname = $3", [publication, schema, table]);
    if (!has.rowCount) throw new AppError(409, "publication_lacks_table", `Publication "${publication}" does not include ${schema}.${table}. Nothing was changed.`, "postgres", { params: { publication, table: `${schema}.${table}` } });
    const sql = `ALTER PUBLICATION ${ident(publication)} DROP TABLE ${qualified(schema, table)}`;
    await c.query(sql);
    return { type: "remove_table_from_publication", applied: sql };
  });
}

export async function dropPublication(databaseId: string, publication: string): Promise<FixOutcome> {
  const db = resolveDatabase(databaseId);
  return readWrite(db.role, `Dropping publication ${publication}`, async (c) => {
    await requirePublication(c, db.name, publication);
    const sql = `DROP PUBLICATION ${ident(publication)}`;
    await c.query(sql);
    return { type: "drop_publication", applied: sql };
  });
}

export async function setReplicaIdentityFull(databaseId: string, schema: string, table: string): Promise<FixOutcome> {
  const db = resolveDatabase(databaseId);
  return readWrite(db.role, `Setting REPLICA IDENTITY FULL on ${schema}.${table}`, async (c) => {
    await requireTable(c, db.name, schema, table);
    const sql = `ALTER TABLE ${qualified(schema, table)} REPLICA IDENTITY FULL`;
    await c.query(sql);
    return { type: "replica_identity_full", applied: sql };
  });
}

export async function grantSelect(databaseId: string, role: string, schema: string, table: string): Promise<FixOutcome> {
  const db = resolveDatabase(databaseId);
  return readWrite(db.role, `Granting SELECT on ${schema}.${table} to ${role}`, async (c) => {
    const r = await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (!r.rowCount) throw new AppError(404, "role_not_found", `Role "${role}" does not exist on this server. Nothing was changed.`, "postgres", { params: { role } });
    await requireTable(c, db.name, schema, table);
    // USAGE on the schema too: without it SELECT on the table is still refused.
    const sql = [`GRANT USAGE ON SCHEMA ${ident(schema)} TO ${ident(role)}`, `GRANT SELECT ON ${qualified(schema, table)} TO ${ident(role)}`];
    for (const s of sql) await c.query(s);
    return { type: "grant_select", applied: sql.join("; ") };
  });
}

export async function dropInactiveSlot(databaseId: string, slot: string): Promise<FixOutcome> {
  const db = resolveDatabase(databaseId);
  return readWrite(db.role, `Dropping replication slot ${slot}`, async (c) => {
    const r = await c.query<{ active: boolean; active_pid: number | null }>("SELECT active, active_pid FROM pg_replication_slots WHERE slot_name = $1", [slot]);
    if (!r.rowCount) throw new AppError(404, "slot_not_found", `Replication slot "${slot}" does not exist (it may have been dropped). Nothing was changed.`, "postgres", { params: { slot } });
    if (r.rows[0].active) {
      throw new AppError(409, "slot_active", `Replication slot "${slot}" is active (PID ${r.rows[0].active_pid}): a connector is reading it. Stop that connector first; nothing was changed.`, "postgres", { params: { slot, pid: r.rows[0].active_pid ?? "" } });
    }
    try {
      await c.query("SELECT pg_drop_replication_slot($1)", [slot]);
    } catch (e) {
      // Became active between the check and the drop.
      if ((e as { code?: string }).code === "55006") throw new AppError(409, "slot_active", `Replication slot "${slot}" became active: ${(e as Error).message}. Nothing was changed.`, "postgres", { params: { slot, pid: "" }, detail: (e as Error).message });
      throw e;
    }
    return { type: "drop_slot", applied: `SELECT pg_drop_replication_slot('${slot.replace(/'/g, "''")}')` };
  });
}

/** Changes keys of a Debezium connector's stored config (PUT /connectors/{name}/config; Connect restarts it). */
async function patchConnector(clusterId: string, name: string, what: string, patch: (cfg: Record<string, string>) => Record<string, string> | null): Promise<FixOutcome> {
  const cluster = resolveCluster(clusterId);
  const cfg = await connect.getConnectorConfig(cluster, name);
  if (!isDebeziumPostgres(cfg["connector.class"] ?? "")) {
    throw new AppError(422, "not_debezium_postgres", `Connector "${name}" is not a Debezium PostgreSQL connector (${cfg["connector.class"] ?? "no class"}). Nothing was changed.`, "console", { params: { connector: name, className: cfg["connector.class"] ?? "" } });
  }
  const changes = patch(cfg);
  if (!changes) throw new AppError(409, "fix_not_needed", `Connector "${name}" already has ${what}. Nothing was changed.`, "console", { params: { connector: name, what } });
  await connect.putConnectorConfig(cluster, name, { ...cfg, ...changes }, redactionList(cfg));
  return { type: what, applied: Object.entries(changes).map(([k, v]) => `${k}=${v}`).join(", ") };
}

export function addHeartbeat(cluster: string, name: string): Promise<FixOutcome> {
  return patchConnector(cluster, name, "heartbeat.interval.ms", (cfg) => (Number(cfg["heartbeat.interval.ms"] ?? 0) > 0 ? null : { "heartbeat.interval.ms": "10000" }));
}

export function setPluginPgoutput(cluster: string, name: string): Promise<FixOutcome> {
  return patchConnector(cluster, name, "plugin.name=pgoutput", (cfg) => (cfg["plugin.name"] === "pgoutput" ? null : { "plugin.name": "pgoutput" }));
}

/** Applies one of the doctor's fixes (each re-checks its preconditions). */
export function applyFix(a: FixAction): Promise<FixOutcome> {
  switch (a.type) {
    case "create_publication":
      return createPublication(a.database, a.publication, a.tables);
    case "add_table_to_publication":
      return addTableToPublication(a.database, a.publication, a.schema, a.table);
    case "replica_identity_full":
      return setReplicaIdentityFull(a.database, a.schema, a.table);
    case "grant_select":
      return grantSelect(a.database, a.role, a.schema, a.table);
    case "drop_slot":
      return dropInactiveSlot(a.database, a.slot);
    case "add_heartbeat":
      return addHeartbeat(a.cluster, a.connector);
    case "set_plugin_pgoutput":
      return setPluginPgoutput(a.cluster, a.connector);
  }
}
