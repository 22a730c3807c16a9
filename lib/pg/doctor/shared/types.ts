// The CDC doctor's shapes. Pure: the rules evaluate these facts without I/O (unit-testable), the gatherer
// (gather.ts) fills them with a handful of queries, and the browser gets the report.

import type { SlotInfo } from "../../shared/types";

export type Severity = "error" | "warning" | "info";

/** A Debezium PostgreSQL connector as the doctor sees it (no password: it never leaves lib/). */
export interface DebeziumConnectorFacts {
  cluster: string;
  name: string;
  /** False for the course's connector before anyone registered it (checked from the console's template). */
  registered: boolean;
  /** Connect's connector state, or NOT_REGISTERED. */
  state: string;
  connectorTrace: string | null;
  tasks: { id: number; state: string; trace: string | null }[];
  /** The configured database it reads ("oltp", "dw"), null when it reads another server. */
  databaseId: string | null;
  host: string;
  port: string;
  dbname: string;
  user: string;
  slotName: string;
  publicationName: string;
  /** plugin.name as configured; null when unset (Debezium then uses decoderbufs). */
  pluginName: string | null;
  autocreateMode: string;
  tableIncludeList: string[];
  tableExcludeList: string[];
  schemaIncludeList: string[];
  schemaExcludeList: string[];
  heartbeatIntervalMs: number;
  heartbeatActionQuery: string | null;
  signalDataCollection: string | null;
}

/** A slot as the replication view reads it (lib/pg/shared/types.ts), without its connectors, plus what the doctor tracks. */
export interface SlotFacts extends Omit<SlotInfo, "connectors"> {
  /** Since when (ms epoch) the doctor has seen confirmed_flush_lsn unchanged while the server's WAL moved on. */
  unchangedSince: number | null;
}

export interface PublicationFacts {
  name: string;
  allTables: boolean;
  insert: boolean;
  update: boolean;
  delete: boolean;
  /** schema.table */
  tables: string[];
}

export interface TableFacts {
  schema: string;
  name: string;
  primaryKey: string[];
  replicaIdentity: "default" | "nothing" | "full" | "index";
  owner: string;
}

export interface RoleFacts {
  name: string;
  exists: boolean;
  login: boolean;
  replication: boolean;
  superuser: boolean;
  /** CREATE on the database: needed to create a publication. */
  createOnDatabase: boolean;
  /** Captured tables (schema.table) the role may not SELECT. */
  cannotSelect: string[];
  /** Captured tables the role does not own (filtered autocreation needs ownership). */
  doesNotOwn: string[];
}

export interface DoctorOptions {
  /** An inactive slot retaining more WAL than this is an error. */
  inactiveSlotWalBytes: number;
  /** A RUNNING connector's slot unchanged for this long (while WAL moved) is stalled. */
  stalledSlotMinutes: number;
}

export const DEFAULT_DOCTOR_OPTIONS: DoctorOptions = { inactiveSlotWalBytes: 1024 ** 3, stalledSlotMinutes: 10 };

export interface DoctorFacts {
  database: { id: string; name: string };
  now: number;
  settings: {
    walLevel: string;
    maxReplicationSlots: number;
    maxWalSenders: number;
    maxSlotWalKeepSize: string;
    walSenderTimeout: string;
    usedSlots: number;
    activeWalSenders: number;
  };
  slots: SlotFacts[];
  publications: PublicationFacts[];
  tables: TableFacts[];
  roles: RoleFacts[];
  /** The connectors on this database (or the planned one when none is registered). */
  connectors: DebeziumConnectorFacts[];
  connectErrors: { cluster: string; url: string; message: string }[];
  options: DoctorOptions;
}

/** What the doctor read, shown as "query → result" so a reader can re-run it. Language neutral on purpose. */
export interface Evidence {
  source: string;
  value: string;
}

/** A fix the console can apply: it re-checks its preconditions and changes nothing when they no longer hold. */
export type FixAction =
  | { type: "create_publication"; database: string; publication: string; tables: { schema: string; table: string }[] }
  | { type: "add_table_to_publication"; database: string; publication: string; schema: string; table: string }
  | { type: "replica_identity_full"; database: string; schema: string; table: string }
  | { type: "grant_select"; database: string; role: string; schema: string; table: string }
  | { type: "drop_slot"; database: string; slot: string }
  | { type: "add_heartbeat"; cluster: string; connector: string }
  | { type: "set_plugin_pgoutput"; cluster: string; connector: string };


export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** What it is about: a connector, slot, table or setting name. */
  subject: string;
  connector: { cluster: string; name: string } | null;
  /** Interpolated into the rule's catalog texts (title, explanation, fix). */
  params: Record<string, string | number>;
  evidence: Evidence[];
  /** The one-click fix, when it is safe; otherwise the rule's fix text says what to do by hand. */
  action: FixAction | null;
  /** For a task trace: which known message it matched. */
  cause?: TraceCause;
  /** English texts (from the catalog) for API readers; the UI renders the catalog in the reader's language. */
  title: string;
  explanation: string;
  fix: string;
}

export type TraceCause =
  | "wal_level"
  | "plugin_missing"
  | "no_replication"
  | "publication_all_tables_superuser"
  | "publication_not_owner"
  | "no_create_on_database"
  | "publication_missing"
  | "select_denied"
  | "slots_exhausted"
  | "slot_in_use"
  | "wal_senders_exhausted"
  | "password"
  | "role_missing"
  | "slot_invalidated"
  | "unknown";

export const RULE_IDS = [
  "wal_level",
  "slot_headroom",
  "wal_sender_headroom",
  "role_login",
  "role_replication",
  "role_select",
  "publication_missing",
  "publication_autocreate",
  "publication_missing_table",
  "include_list_unmatched",
  "table_no_primary_key",
  "table_replica_identity",
  "slot_inactive_retaining",
  "slot_lost",
  "plugin_decoderbufs",
  "slot_shared",
  "slot_stalled",
  "task_failed",
  "connect_unreachable",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface RuleResult {
  id: RuleId;
  /** pass: checked and fine; fail: findings; skip: nothing to check (e.g. no connector). */
  status: "pass" | "fail" | "skip";
  findings: Finding[];
}

export interface DoctorReport {
  database: { id: string; name: string };
  connectors: { cluster: string; name: string; state: string; registered: boolean }[];
  rules: RuleResult[];
  summary: { errors: number; warnings: number; infos: number; passed: number; skipped: number };
  ranAt: string;
  durationMs: number;
}
