// Shapes the Database area hands to the browser. Pure types: no server-only import, so client components and
// the data layer share them with lib/pg.

/** A configured database the console can inspect ("oltp", "dw"). */
export interface DatabaseRef {
  id: string;
  /** The database name (liga_sudoers, liga_sudoers_dw). */
  name: string;
  /** host:port/database, never with credentials. */
  endpoint: string;
  kind: "oltp" | "dw";
}

export type ReplicaIdentity = "default" | "nothing" | "full" | "index";

export interface TableSummary {
  schema: string;
  name: string;
  /** "table" or "partitioned". */
  kind: "table" | "partitioned";
  /** pg_class.reltuples: -1 (never analysed) becomes null. */
  estimatedRows: number | null;
  /** pg_total_relation_size: table, indexes and TOAST. */
  sizeBytes: number;
  /** Primary-key columns in key order; empty when the table has none. */
  primaryKey: string[];
  replicaIdentity: ReplicaIdentity;
  /** Publications that include the table (directly, FOR ALL TABLES or FOR TABLES IN SCHEMA). */
  publications: string[];
  owner: string;
}

export interface SchemaSummary {
  name: string;
  owner: string;
  tables: number;
}

export interface Catalog {
  database: DatabaseRef;
  schemas: SchemaSummary[];
  tables: TableSummary[];
  fetchedAt: string;
}

export interface ColumnInfo {
  name: string;
  position: number;
  type: string;
  nullable: boolean;
  default: string | null;
  /** Position in the primary key (1-based), null when the column is not part of it. */
  primaryKeyPosition: number | null;
}

export interface IndexInfo {
  name: string;
  definition: string;
  unique: boolean;
  primary: boolean;
  /** The index REPLICA IDENTITY USING INDEX points at. */
  replicaIdentity: boolean;
  sizeBytes: number;
}

export interface TableDetail extends TableSummary {
  columns: ColumnInfo[];
  indexes: IndexInfo[];
}

export interface TableRows {
  schema: string;
  table: string;
  columns: { name: string; type: string }[];
  /** Values as text (PostgreSQL's own output format), null for NULL; long values are cut (see `truncated`). */
  rows: (string | null)[][];
  offset: number;
  limit: number;
  /** True when another page exists. */
  hasMore: boolean;
  /** Ordered by the primary key (stable paging) or by ctid when the table has none. */
  orderedBy: string[];
  truncatedCells: number;
}

// ------------------------------------------------------------------ replication

export interface ServerSetting {
  name: string;
  value: string;
  unit: string | null;
  /** "postmaster" settings need a restart; "sighup" ones a reload. */
  context: string;
  /** How many are in use, for max_replication_slots / max_wal_senders. */
  inUse: number | null;
}

export interface PublicationInfo {
  name: string;
  owner: string;
  allTables: boolean;
  operations: { insert: boolean; update: boolean; delete: boolean; truncate: boolean };
  /** schema.table of every table it publishes (expanded for FOR ALL TABLES). */
  tables: { schema: string; name: string }[];
}

export interface ConnectorRef {
  cluster: string;
  name: string;
  state: string;
}

export interface SlotInfo {
  name: string;
  plugin: string | null;
  type: "logical" | "physical";
  database: string | null;
  active: boolean;
  activePid: number | null;
  restartLsn: string | null;
  confirmedFlushLsn: string | null;
  /** pg_current_wal_lsn() − restart_lsn: WAL PostgreSQL keeps for this slot. */
  retainedWalBytes: number | null;
  walStatus: string | null;
  safeWalSizeBytes: number | null;
  /** Debezium connectors whose config names this slot (on this database). */
  connectors: ConnectorRef[];
}

export interface RoleInfo {
  name: string;
  login: boolean;
  replication: boolean;
  superuser: boolean;
  /** Tables the role may SELECT (schema.table); null for superusers (all of them). */
  selectableTables: string[] | null;
}

export interface ReplicationOverview {
  database: DatabaseRef;
  settings: ServerSetting[];
  publications: PublicationInfo[];
  slots: SlotInfo[];
  roles: RoleInfo[];
  /** Why the connectors could not be read (the rest still shows). */
  connectNote: string | null;
  fetchedAt: string;
}

/** What incremental snapshots of a Debezium source need, and what of it is missing. */
export interface SnapshotSetup {
  cluster: string;
  connector: string;
  database: string | null;
  /** signal.data.collection as configured, null when unset. */
  signalCollection: string | null;
  signalTableExists: boolean;
  /** The signal table is in the connector's publication (or the publication is FOR ALL TABLES). */
  signalInPublication: boolean;
  notificationsTopic: string | null;
  /** What is missing, in the order the fix does it; empty when snapshots can start. */
  missing: ("signal_table" | "signal_in_publication" | "signal_config" | "notifications_config")[];
  capturedTables: string[];
}
