// The CDC doctor's rules: a table of pure functions over the gathered facts (types.ts). Each returns the
// findings it saw (empty = pass) or null when there was nothing to check (skip). Texts come from the catalog
// (i18n/messages/areas/database.ts): `params` fill them in the reader's language.
import "server-only";
import { formatMessage, type MessageKey } from "@/i18n/format";
import { getMessages } from "@/i18n";
import { capturedTables, keyOf, unmatchedIncludes } from "./filters";
import { matchTrace, rootCauseLine } from "./traces";
import type { DebeziumConnectorFacts, DoctorFacts, Evidence, Finding, FixAction, RuleId, RuleResult, Severity, TableFacts, TraceCause } from "./shared/types";
import { RULE_IDS } from "./shared/types";

type Draft = Omit<Finding, "rule" | "title" | "explanation" | "fix" | "connector"> & { connector?: DebeziumConnectorFacts | null };
type Rule = (f: DoctorFacts) => Draft[] | null;

export function formatBytes(n: number | null): string {
  if (n === null) return "?";
  const units = ["B", "kB", "MB", "GB", "TB"];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 10 || i === 0 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
// For evidence a reader can re-run: a table as a quoted regclass literal ('"my schema"."t"'); shown, never executed.
const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const regclass = (t: { schema: string; name: string }) => q(`${quoteIdent(t.schema)}.${quoteIdent(t.name)}`);
const connectorsOn = (f: DoctorFacts) => f.connectors.filter((c) => c.databaseId === f.database.id);
const captured = (f: DoctorFacts, c: DebeziumConnectorFacts): TableFacts[] => capturedTables(c, f.tables);
const roleOf = (f: DoctorFacts, c: DebeziumConnectorFacts) => f.roles.find((r) => r.name === c.user);
const publicationOf = (f: DoctorFacts, c: DebeziumConnectorFacts) => f.publications.find((p) => p.name === c.publicationName);
const connectorEvidence = (c: DebeziumConnectorFacts, keys: string[], values: Record<string, string>): Evidence => ({
  source: c.registered ? `GET /connectors/${c.name}/config` : `template ${c.name} (not registered)`,
  value: keys.map((k) => `${k}=${values[k] ?? "(unset)"}`).join(", "),
});
const tableList = (ts: { schema: string; name: string }[]) => ts.map(keyOf).join(", ") || "(none)";
/**
 * Each table a connector captures where `matches` holds, once (with the first connector capturing it);
 * null when no connector captures from this database (the rule does not apply).
 */
function capturedTablesWhere(f: DoctorFacts, matches: (tb: TableFacts) => boolean): { c: DebeziumConnectorFacts; tb: TableFacts }[] | null {
  const cs = connectorsOn(f);
  if (!cs.length) return null;
  const seen = new Set<string>();
  return cs.flatMap((c) => captured(f, c).filter((tb) => matches(tb) && !seen.has(keyOf(tb)) && seen.add(keyOf(tb))).map((tb) => ({ c, tb })));
}
const replicaIdentityFull = (f: DoctorFacts, tb: TableFacts): FixAction => ({ type: "replica_identity_full", database: f.database.id, schema: tb.schema, table: tb.name });

// The connector's "would Debezium manage to create the publication itself?" — shared by two rules.
function canAutocreate(f: DoctorFacts, c: DebeziumConnectorFacts): boolean {
  const role = roleOf(f, c);
  if (!role?.exists) return false;
  if (c.autocreateMode === "disabled") return false;
  if (role.superuser) return true;
  if (c.autocreateMode === "all_tables") return false;
  // filtered (and no_tables): CREATE on the database and ownership of every captured table.
  return role.createOnDatabase && role.doesNotOwn.length === 0;
}

const rules: Record<RuleId, Rule> = {
  wal_level: (f) =>
    f.settings.walLevel === "logical"
      ? []
      : [{ severity: "error", subject: "wal_level", params: { value: f.settings.walLevel }, evidence: [{ source: "SHOW wal_level", value: f.settings.walLevel }], action: null }],

  slot_headroom: (f) => {
    const { usedSlots: used, maxReplicationSlots: max } = f.settings;
    // Connectors that still need a slot (theirs does not exist yet).
    const needed = connectorsOn(f).filter((c) => !f.slots.some((s) => s.name === c.slotName)).length;
    const free = max - used;
    if (free >= needed && free > 0) return [];
    return [
      {
        severity: free < needed ? "error" : "warning",
        subject: "max_replication_slots",
        params: { used, max, needed },
        evidence: [
          { source: "SHOW max_replication_slots", value: String(max) },
          { source: "SELECT count(*) FROM pg_replication_slots", value: String(used) },
        ],
        action: null,
      },
    ];
  },

  wal_sender_headroom: (f) => {
    const { activeWalSenders: used, maxWalSenders: max } = f.settings;
    const needed = connectorsOn(f).filter((c) => !f.slots.find((s) => s.name === c.slotName)?.active).length;
    if (max - used >= Math.max(1, needed)) return [];
    return [
      {
        severity: max - used < needed ? "error" : "warning",
        subject: "max_wal_senders",
        params: { used, max },
        evidence: [
          { source: "SHOW max_wal_senders", value: String(max) },
          { source: "SELECT count(*) FROM pg_stat_replication", value: String(used) },
        ],
        action: null,
      },
    ];
  },

  role_login: (f) => {
    const cs = connectorsOn(f);
    if (!cs.length) return null;
    return cs.flatMap((c) => {
      const r = roleOf(f, c);
      if (r?.exists && r.login) return [];
      return [{ severity: "error" as Severity, subject: c.user, connector: c, params: { user: c.user, connector: c.name }, evidence: [{ source: `SELECT rolcanlogin FROM pg_roles WHERE rolname = ${q(c.user)}`, value: r?.exists ? String(r.login) : "(no row: the role does not exist)" }], action: null }];
    });
  },

  role_replication: (f) => {
    const cs = connectorsOn(f);
    if (!cs.length) return null;
    return cs.flatMap((c) => {
      const r = roleOf(f, c);
      if (!r?.exists || r.replication || r.superuser) return [];
      return [{ severity: "error" as Severity, subject: c.user, connector: c, params: { user: c.user, connector: c.name }, evidence: [{ source: `SELECT rolreplication, rolsuper FROM pg_roles WHERE rolname = ${q(c.user)}`, value: `rolreplication=${r.replication}, rolsuper=${r.superuser}` }], action: null }];
    });
  },

  role_select: (f) => {
    const cs = connectorsOn(f);
    if (!cs.length) return null;
    return cs.flatMap((c) => {
      const r = roleOf(f, c);
      if (!r?.exists || r.superuser) return [];
      const denied = new Set(r.cannotSelect);
      return captured(f, c)
        .filter((tb) => denied.has(keyOf(tb)))
        .map((tb) => ({
          severity: "error" as Severity,
          subject: keyOf(tb),
          connector: c,
          params: { user: c.user, table: keyOf(tb), connector: c.name },
          evidence: [{ source: `SELECT has_table_privilege(${q(c.user)}, ${regclass(tb)}, 'SELECT')`, value: "false" }],
          action: { type: "grant_select", database: f.database.id, role: c.user, schema: tb.schema, table: tb.name } as FixAction,
        }));
    });
  },

  publication_missing: (f) => {
    const cs = connectorsOn(f);
    if (!cs.length) return null;
    return cs.flatMap((c) => {
      if (publicationOf(f, c) || c.autocreateMode !== "disabled") return [];
      const tables = captured(f, c);
      return [{
        severity: "error" as Severity,
        subject: c.publicationName,
        connector: c,
        params: { publication: c.publicationName, connector: c.name, tables: tableList(tables) },
        evidence: [
          { source: `SELECT 1 FROM pg_publication WHERE pubname = ${q(c.publicationName)}`, value: "(no row)" },
          connectorEvidence(c, ["publication.name", "publication.autocreate.mode"], { "publication.name": c.publicationName, "publication.autocreate.mode": c.autocreateMode }),
        ],
        action: tables.length ? { type: "create_publication", database: f.database.id, publication: c.publicationName, tables: tables.map((x) => ({ schema: x.schema, table: x.name })) } : null,
      }];
    });
  },

  publication_autocreate: (f) => {
    const cs = connectorsOn(f).filter((c) => c.autocreateMode !== "disabled");
    if (!cs.length) return null;
    return cs.flatMap((c) => {
      if (publicationOf(f, c) || canAutocreate(f, c)) return [];
      const r = roleOf(f, c);
      const tables = captured(f, c);
      return [{
        severity: "error" as Severity,
        subject: c.publicationName,
        connector: c,
        params: { publication: c.publicationName, connector: c.name, mode: c.autocreateMode, user: c.user, tables: tableList(tables) },
        evidence: [
          { source: `SELECT 1 FROM pg_publication WHERE pubname = ${q(c.publicationName)}`, value: "(no row)" },
          connectorEvidence(c, ["publication.autocreate.mode", "database.user"], { "publication.autocreate.mode": c.autocreateMode, "database.user": c.user }),
          { source: `SELECT rolsuper, has_database_privilege(${q(c.user)}, current_database(), 'CREATE') FROM pg_roles WHERE rolname = ${q(c.user)}`, value: r?.exists ? `rolsuper=${r.superuser}, create=${r.createOnDatabase}${r.doesNotOwn.length ? `; does not own ${r.doesNotOwn.join(", ")}` : ""}` : "(no row)" },
        ],
        action: tables.length ? { type: "create_publication", database: f.database.id, publication: c.publicationName, tables: tables.map((x) => ({ schema: x.schema, table: x.name })) } : null,
      }];
    });
  },

  publication_missing_table: (f) => {
    const cs = connectorsOn(f);
    if (!cs.length) return null;
    return cs.flatMap((c) => {
      const p = publicationOf(f, c);
      if (!p || p.allTables) return [];
      const published = new Set(p.tables);
      return captured(f, c)
        .filter((tb) => !published.has(keyOf(tb)))
        .map((tb) => ({
          severity: "error" as Severity,
          subject: keyOf(tb),
          connector: c,
          params: { publication: p.name, table: keyOf(tb), connector: c.name },
          evidence: [{ source: `SELECT schemaname, tablename FROM pg_publication_tables WHERE pubname = ${q(p.name)}`, value: p.tables.join(", ") || "(no rows)" }],
          action: { type: "add_table_to_publication", database: f.database.id, publication: p.name, schema: tb.schema, table: tb.name } as FixAction,
        }));
    });
  },

  include_list_unmatched: (f) => {
    const cs = connectorsOn(f).filter((c) => c.tableIncludeList.length);
    if (!cs.length) return null;
    return cs.flatMap((c) =>
      unmatchedIncludes(c, f.tables).map((pattern) => ({
        severity: "warning" as Severity,
        subject: pattern,
        connector: c,
        params: { pattern, connector: c.name },
        evidence: [connectorEvidence(c, ["table.include.list"], { "table.include.list": c.tableIncludeList.join(",") }), { source: "tables of the database matching it", value: "(none)" }],
        action: null,
      })),
    );
  },

  table_no_primary_key: (f) =>
    capturedTablesWhere(f, (tb) => !tb.primaryKey.length && tb.replicaIdentity !== "full" && tb.replicaIdentity !== "index")?.map(({ c, tb }) => ({
      severity: "error" as Severity,
      subject: keyOf(tb),
      connector: c,
      params: { table: keyOf(tb) },
      evidence: [{ source: `primary key and relreplident of ${keyOf(tb)}`, value: `no primary key, REPLICA IDENTITY ${tb.replicaIdentity.toUpperCase()}` }],
      action: replicaIdentityFull(f, tb),
    })) ?? null,

  table_replica_identity: (f) =>
    capturedTablesWhere(f, (tb) => tb.primaryKey.length > 0 && tb.replicaIdentity === "default")?.map(({ c, tb }) => ({
      severity: "warning" as Severity,
      subject: keyOf(tb),
      connector: c,
      params: { table: keyOf(tb), identity: "DEFAULT" },
      evidence: [{ source: `SELECT relreplident FROM pg_class WHERE oid = ${regclass(tb)}::regclass`, value: "d (DEFAULT)" }],
      action: replicaIdentityFull(f, tb),
    })) ?? null,

  slot_inactive_retaining: (f) => {
    const logical = f.slots.filter((s) => !s.active && s.walStatus !== "lost");
    if (!f.slots.length) return null;
    return logical.flatMap((s) => {
      const users = f.connectors.filter((c) => c.registered && c.slotName === s.name && (s.database === null || c.dbname === s.database));
      const big = (s.retainedWalBytes ?? 0) > f.options.inactiveSlotWalBytes;
      // An inactive slot a connector still uses is normal for a short stop; it matters once it holds a lot.
      if (!big && users.length) return [];
      return [{
        severity: (big ? "error" : "warning") as Severity,
        subject: s.name,
        params: { slot: s.name, retained: formatBytes(s.retainedWalBytes), users: users.length ? users.map((c) => `${c.name}: ${c.state}`).join(", ") : "no connector uses it" },
        evidence: [{ source: `SELECT active, pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) FROM pg_replication_slots WHERE slot_name = ${q(s.name)}`, value: `active=false, retained=${s.retainedWalBytes ?? "?"} bytes (${formatBytes(s.retainedWalBytes)}), restart_lsn=${s.restartLsn ?? "?"}` }],
        // Dropping is offered only when no registered connector names the slot.
        action: users.length ? null : ({ type: "drop_slot", database: f.database.id, slot: s.name } as FixAction),
      }];
    });
  },

  slot_lost: (f) => {
    if (!f.slots.length) return null;
    return f.slots
      .filter((s) => s.walStatus === "lost")
      .map((s) => ({
        severity: "error" as Severity,
        subject: s.name,
        params: { slot: s.name },
        evidence: [{ source: `SELECT wal_status FROM pg_replication_slots WHERE slot_name = ${q(s.name)}`, value: "lost" }, { source: "SHOW max_slot_wal_keep_size", value: f.settings.maxSlotWalKeepSize }],
        action: s.active ? null : ({ type: "drop_slot", database: f.database.id, slot: s.name } as FixAction),
      }));
  },

  plugin_decoderbufs: (f) => {
    const cs = connectorsOn(f);
    if (!cs.length) return null;
    return cs
      .filter((c) => (c.pluginName ?? "decoderbufs") !== "pgoutput")
      .map((c) => ({
        severity: "error" as Severity,
        subject: c.name,
        connector: c,
        params: { connector: c.name, plugin: c.pluginName ?? "decoderbufs (unset)" },
        evidence: [connectorEvidence(c, ["plugin.name"], c.pluginName ? { "plugin.name": c.pluginName } : {})],
        action: c.registered ? ({ type: "set_plugin_pgoutput", cluster: c.cluster, connector: c.name } as FixAction) : null,
      }));
  },

  slot_shared: (f) => {
    const cs = connectorsOn(f).filter((c) => c.registered);
    if (cs.length < 2) return cs.length ? [] : null;
    const bySlot = new Map<string, DebeziumConnectorFacts[]>();
    for (const c of cs) bySlot.set(c.slotName, [...(bySlot.get(c.slotName) ?? []), c]);
    return [...bySlot.entries()]
      .filter(([, list]) => list.length > 1)
      .map(([slot, list]) => ({
        severity: "error" as Severity,
        subject: slot,
        // About both connectors: kept when the doctor runs for either one.
        connector: null,
        params: { slot, connectors: list.map((c) => c.name).join(", ") },
        evidence: list.map((c) => connectorEvidence(c, ["slot.name"], { "slot.name": c.slotName })),
        action: null,
      }));
  },

  slot_stalled: (f) => {
    const cs = connectorsOn(f).filter((c) => c.state === "RUNNING");
    if (!cs.length) return null;
    return cs.flatMap((c) => {
      const s = f.slots.find((x) => x.name === c.slotName);
      if (!s?.unchangedSince) return [];
      const minutes = Math.floor((f.now - s.unchangedSince) / 60_000);
      if (minutes < f.options.stalledSlotMinutes) return [];
      return [{
        severity: "warning" as Severity,
        subject: s.name,
        connector: c,
        params: { slot: s.name, connector: c.name, minutes },
        evidence: [
          { source: `SELECT confirmed_flush_lsn FROM pg_replication_slots WHERE slot_name = ${q(s.name)}`, value: `${s.confirmedFlushLsn} (unchanged since ${new Date(s.unchangedSince).toISOString()}), retained ${formatBytes(s.retainedWalBytes)}` },
          connectorEvidence(c, ["heartbeat.interval.ms", "heartbeat.action.query"], { "heartbeat.interval.ms": String(c.heartbeatIntervalMs), ...(c.heartbeatActionQuery ? { "heartbeat.action.query": c.heartbeatActionQuery } : {}) }),
        ],
        action: c.heartbeatIntervalMs > 0 ? null : ({ type: "add_heartbeat", cluster: c.cluster, connector: c.name } as FixAction),
      }];
    });
  },

  task_failed: (f) => {
    const cs = connectorsOn(f).filter((c) => c.registered);
    if (!cs.length) return null;
    return cs.flatMap((c) => {
      const failed = [
        ...(c.state === "FAILED" && c.connectorTrace ? [{ id: "connector", trace: c.connectorTrace }] : []),
        ...c.tasks.filter((x) => x.state === "FAILED" && x.trace).map((x) => ({ id: String(x.id), trace: x.trace! })),
      ];
      return failed.map(({ id, trace }) => traceFinding(f, c, id, trace));
    });
  },

  connect_unreachable: (f) =>
    f.connectErrors.map((e) => ({ severity: "warning" as Severity, subject: e.url, params: { cluster: e.cluster, url: e.url }, evidence: [{ source: `GET ${e.url}/connectors?expand=info`, value: e.message }], action: null })),
};

/** A FAILED task's trace → its cause, with the fix the facts allow now (the table to grant, the publication…). */
function traceFinding(f: DoctorFacts, c: DebeziumConnectorFacts, task: string, trace: string): Draft & { cause: TraceCause } {
  const m = matchTrace(trace);
  const cause: TraceCause = m?.cause ?? "unknown";
  const line = m?.line ?? rootCauseLine(trace);
  const params: Record<string, string | number> = { connector: c.name, task, publication: c.publicationName, user: c.user, slot: c.slotName, plugin: c.pluginName ?? "decoderbufs", database: f.database.name, table: "", pid: "", max: "", ...(m?.params ?? {}) };
  let action: FixAction | null = null;
  const tables = captured(f, c);
  if ((cause === "publication_missing" || cause === "publication_all_tables_superuser" || cause === "publication_not_owner" || cause === "no_create_on_database") && !publicationOf(f, c) && tables.length) {
    action = { type: "create_publication", database: f.database.id, publication: c.publicationName, tables: tables.map((x) => ({ schema: x.schema, table: x.name })) };
  } else if (cause === "select_denied") {
    // PostgreSQL names the table without its schema: find it among the captured ones.
    const tb = tables.find((x) => x.name === params.table || keyOf(x) === params.table);
    if (tb) action = { type: "grant_select", database: f.database.id, role: c.user, schema: tb.schema, table: tb.name };
  } else if (cause === "plugin_missing") {
    action = { type: "set_plugin_pgoutput", cluster: c.cluster, connector: c.name };
  }
  return {
    severity: "error",
    subject: c.name,
    connector: c,
    params,
    cause,
    evidence: [{ source: `GET /connectors/${c.name}/status (${task === "connector" ? "connector" : `task ${task}`} FAILED)`, value: line }],
    action,
  };
}

function texts(rule: RuleId, cause: TraceCause | undefined, params: Record<string, string | number>) {
  const base = rule === "task_failed" && cause ? `database.causes.${cause}` : `database.rules.${rule}`;
  const k = (s: string) => `${base}.${s}` as MessageKey;
  const en = getMessages("en");
  return { title: formatMessage(en, k("title"), params), explanation: formatMessage(en, k("explain"), params), fix: formatMessage(en, k("fix"), params) };
}

/** Runs every rule over the facts. Pure. */
export function evaluate(facts: DoctorFacts): RuleResult[] {
  return RULE_IDS.map((id) => {
    const drafts = rules[id](facts);
    if (drafts === null) return { id, status: "skip" as const, findings: [] };
    const findings: Finding[] = drafts.map(({ connector, ...d }) => ({
      ...d,
      rule: id,
      connector: connector ? { cluster: connector.cluster, name: connector.name } : null,
      ...texts(id, d.cause, d.params),
    }));
    return { id, status: findings.length ? ("fail" as const) : ("pass" as const), findings };
  });
}

