import "server-only";
import type pg from "pg";
import { resolveCluster } from "../../connect/client";
import { AppError } from "../../errors";
import { readTables } from "../catalog";
import { plannedConnector, readDebeziumConnectors } from "../debezium-connectors";
import { readOnly, resolveDatabase } from "../session";
import { capturedTables, keyOf } from "./filters";
import { evaluate } from "./rules";
import { DEFAULT_DOCTOR_OPTIONS, type DoctorFacts, type DoctorOptions, type DoctorReport, type PublicationFacts, type RoleFacts, type SlotFacts } from "./shared/types";

// The doctor's one gatherer: Connect's connectors (one request per cluster) and five catalog queries in one
// READ ONLY transaction, whatever the number of tables. Then the pure rules (rules.ts) judge the facts.

// Where each slot's confirmed_flush_lsn was last seen moving: "has not advanced for N minutes" needs memory
// across runs. On globalThis so every route bundle of the server shares it.
const HISTORY_KEY = Symbol.for("lab-console.pg.slot-history");
const g = globalThis as { [HISTORY_KEY]?: Map<string, { lsn: string | null; since: number }> };
const history = (g[HISTORY_KEY] ??= new Map());

const SETTINGS_SQL = `
SELECT current_setting('wal_level') AS wal_level,
       current_setting('max_replication_slots')::int AS max_slots,
       current_setting('max_wal_senders')::int AS max_senders,
       current_setting('max_slot_wal_keep_size') AS keep_size,
       current_setting('wal_sender_timeout') AS sender_timeout,
       (SELECT count(*)::int FROM pg_replication_slots) AS used_slots,
       (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'walsender') AS senders,
       pg_current_wal_lsn()::text AS lsn`;

export const SLOTS_SQL = `
SELECT slot_name AS name, plugin, slot_type AS type, database, active, active_pid,
       restart_lsn::text AS restart_lsn, confirmed_flush_lsn::text AS confirmed_flush_lsn,
       pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::int8 AS retained, wal_status, safe_wal_size::int8 AS safe_wal_size
  FROM pg_replication_slots ORDER BY slot_name`;

export const PUBLICATIONS_SQL = `
SELECT p.pubname AS name, pg_get_userbyid(p.pubowner) AS owner, p.puballtables AS all_tables,
       p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate,
       coalesce((SELECT array_agg(t.schemaname || '.' || t.tablename ORDER BY t.schemaname, t.tablename)
                   FROM pg_publication_tables t WHERE t.pubname = p.pubname), '{}') AS tables
  FROM pg_publication p ORDER BY p.pubname`;

// For each connector user: attributes, CREATE on the database, and which captured tables ($2) it may not
// SELECT or does not own. One query for every user.
const ROLES_SQL = `
SELECT u.name, r.oid IS NOT NULL AS exists,
       coalesce(r.rolcanlogin, false) AS login, coalesce(r.rolreplication, false) AS replication,
       coalesce(r.rolsuper, false) AS superuser,
       r.oid IS NOT NULL AND has_database_privilege(r.oid, current_database(), 'CREATE') AS create_db,
       CASE WHEN r.oid IS NULL THEN '{}'::int8[] ELSE ARRAY(
         SELECT t FROM unnest($2::int8[]) t WHERE NOT has_table_privilege(r.oid, t::oid, 'SELECT')) END AS cannot_select,
       CASE WHEN r.oid IS NULL THEN '{}'::int8[] ELSE ARRAY(
         SELECT c.oid::int8 FROM pg_class c WHERE c.oid = ANY($2::int8[]::oid[]) AND NOT pg_has_role(r.oid, c.relowner, 'USAGE')) END AS not_owned
  FROM unnest($1::text[]) AS u(name)
  LEFT JOIN pg_roles r ON r.rolname = u.name`;

export interface GatherOptions {
  /** Only this connector's findings (plus the server's). */
  connector?: { cluster: string; name: string };
  options?: Partial<DoctorOptions>;
}

export async function gatherFacts(databaseId: string, opts: GatherOptions = {}): Promise<DoctorFacts> {
  const database = resolveDatabase(databaseId);
  const read = await readDebeziumConnectors();
  let connectors = read.connectors.filter((c) => c.databaseId === database.id);
  if (opts.connector) {
    const wanted = read.connectors.find((c) => c.cluster === opts.connector!.cluster && c.name === opts.connector!.name);
    if (!wanted && !read.errors.length) {
      const url = resolveCluster(opts.connector.cluster).url;
      throw new AppError(404, "connector_not_found", `No Debezium PostgreSQL connector "${opts.connector.name}" on Kafka Connect at ${url}. Register it first, or run the doctor for the whole database.`, "connect", { params: { connector: opts.connector.name, url } });
    }
    if (wanted && wanted.databaseId !== database.id) {
      throw new AppError(422, "connector_other_database", `Connector "${wanted.name}" reads ${wanted.host}:${wanted.port}/${wanted.dbname}, not the console's ${database.name}: the doctor can only inspect the configured databases.`, "console", { params: { connector: wanted.name, target: `${wanted.host}:${wanted.port}/${wanted.dbname}`, database: database.name } });
    }
  } else if (!connectors.some((c) => c.registered) && database.kind === "oltp" && !read.errors.length) {
    // Nothing registered yet: check the course's connector before the student registers it.
    connectors = [plannedConnector()];
  }

  return readOnly(database.role, `Examining ${database.name} for the CDC doctor`, async (c) => {
    const now = Date.now();
    const s = (await c.query(SETTINGS_SQL)).rows[0];
    const slotsRaw = await readSlots(c);
    const pubs = await readPublications(c);
    const tables = await readTables(c);
    const capturedOids = new Set<number>();
    for (const conn of connectors) for (const t of capturedTables(conn, tables)) capturedOids.add(t.oid);
    const byOid = new Map(tables.map((t) => [t.oid, keyOf(t)]));
    const users = [...new Set(connectors.map((x) => x.user).filter(Boolean))];
    const roles: RoleFacts[] = users.length
      ? (await c.query(ROLES_SQL, [users, [...capturedOids]])).rows.map((r) => ({
          name: r.name,
          exists: r.exists,
          login: r.login,
          replication: r.replication,
          superuser: r.superuser,
          createOnDatabase: r.create_db,
          cannotSelect: (r.cannot_select as string[]).map((o) => byOid.get(Number(o))!).filter(Boolean),
          doesNotOwn: (r.not_owned as string[]).map((o) => byOid.get(Number(o))!).filter(Boolean),
        }))
      : [];
    const slots: SlotFacts[] = slotsRaw.map((sl) => ({ ...sl, unchangedSince: stallSince(database.id, sl, s.lsn, now) }));
    return {
      database: { id: database.id, name: database.name },
      now,
      settings: {
        walLevel: s.wal_level,
        maxReplicationSlots: s.max_slots,
        maxWalSenders: s.max_senders,
        maxSlotWalKeepSize: s.keep_size,
        walSenderTimeout: s.sender_timeout,
        usedSlots: s.used_slots,
        activeWalSenders: s.senders,
      },
      slots,
      publications: pubs.map((p) => ({ name: p.name, allTables: p.allTables, insert: p.operations.insert, update: p.operations.update, delete: p.operations.delete, tables: p.tables.map(keyOf) })) satisfies PublicationFacts[],
      tables: tables.map((t) => ({ schema: t.schema, name: t.name, primaryKey: t.primaryKey, replicaIdentity: t.replicaIdentity, owner: t.owner })),
      roles,
      connectors,
      connectErrors: read.errors,
      options: { ...DEFAULT_DOCTOR_OPTIONS, ...opts.options },
    };
  });
}

/** When the slot's confirmed_flush_lsn was last seen to change, if the server's WAL has moved past it since. */
function stallSince(databaseId: string, slot: Omit<SlotFacts, "unchangedSince">, currentLsn: string, now: number): number | null {
  const key = `${databaseId}/${slot.name}`;
  const seen = history.get(key);
  if (!seen || seen.lsn !== slot.confirmedFlushLsn) {
    history.set(key, { lsn: slot.confirmedFlushLsn, since: now });
    return null;
  }
  return slot.confirmedFlushLsn && slot.confirmedFlushLsn !== currentLsn ? seen.since : null;
}

export async function readSlots(c: pg.ClientBase): Promise<Omit<SlotFacts, "unchangedSince">[]> {
  const r = await c.query(SLOTS_SQL);
  return r.rows.map((x) => ({
    name: x.name,
    plugin: x.plugin,
    type: x.type === "physical" ? "physical" : "logical",
    database: x.database,
    active: x.active,
    activePid: x.active_pid,
    restartLsn: x.restart_lsn,
    confirmedFlushLsn: x.confirmed_flush_lsn,
    retainedWalBytes: x.retained === null ? null : Number(x.retained),
    walStatus: x.wal_status,
    safeWalSizeBytes: x.safe_wal_size === null ? null : Number(x.safe_wal_size),
  }));
}

export async function readPublications(c: pg.ClientBase) {
  const r = await c.query(PUBLICATIONS_SQL);
  return r.rows.map((p) => ({
    name: p.name as string,
    owner: p.owner as string,
    allTables: p.all_tables as boolean,
    operations: { insert: p.pubinsert as boolean, update: p.pubupdate as boolean, delete: p.pubdelete as boolean, truncate: p.pubtruncate as boolean },
    tables: (p.tables as string[]).map((q) => {
      const i = q.indexOf(".");
      return { schema: q.slice(0, i), name: q.slice(i + 1) };
    }),
  }));
}

/** Gathers, judges, and keeps only what concerns the chosen connector (when one is chosen). */
export async function runDoctor(databaseId: string, opts: GatherOptions = {}): Promise<DoctorReport> {
  const started = performance.now();
  const facts = await gatherFacts(databaseId, opts);
  let rules = evaluate(facts);
  if (opts.connector) {
    const { cluster, name } = opts.connector;
    rules = rules.map((r) => {
      const findings = r.findings.filter((f) => !f.connector || (f.connector.cluster === cluster && f.connector.name === name));
      return { ...r, findings, status: r.status === "skip" ? "skip" : findings.length ? "fail" : "pass" };
    });
  }
  const all = rules.flatMap((r) => r.findings);
  return {
    database: facts.database,
    connectors: facts.connectors.map((c) => ({ cluster: c.cluster, name: c.name, state: c.state, registered: c.registered })),
    rules,
    summary: {
      errors: all.filter((f) => f.severity === "error").length,
      warnings: all.filter((f) => f.severity === "warning").length,
      infos: all.filter((f) => f.severity === "info").length,
      passed: rules.filter((r) => r.status === "pass").length,
      skipped: rules.filter((r) => r.status === "skip").length,
    },
    ranAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
  };
}
