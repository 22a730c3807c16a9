// Shapes the Connect area hands to the browser. Pure types and constants: no server-only import, so client
// components and the data layer share them with lib/connect. Every config in here is already masked.
import type { ConfigChange } from "./draft";

export const CONNECTOR_STATES = ["RUNNING", "PAUSED", "STOPPED", "FAILED", "UNASSIGNED", "RESTARTING"] as const;
/** Connect's states, plus UNKNOWN when a worker reported something this console does not know. */
export type ConnectorState = (typeof CONNECTOR_STATES)[number] | "UNKNOWN";
export type ConnectorType = "source" | "sink" | "unknown";

/** One configured Kafka Connect cluster, addressed in URLs by `id` (its index) or `slug`. */
export interface ClusterRef {
  id: string;
  slug: string;
  /** The REST URL without credentials (its first worker's). */
  url: string;
  /** Every worker's REST URL without credentials (CONNECT_URLS "a|b"); one for a single worker. */
  workers: string[];
}

/** A Java trace split for people: the first line says what happened; the rest is folded away. */
export interface TraceView {
  firstLine: string;
  /** The first line without the Java exception class: what a person reads first. */
  summary: string;
  /** The deepest "Caused by:" line, usually the real cause (e.g. a PSQLException). Null when there is none. */
  rootCause: string | null;
  full: string;
}

export interface TaskSummary {
  id: number;
  state: ConnectorState;
  workerId: string | null;
  version: string | null;
  trace: TraceView | null;
}

export interface ConnectorSummary {
  cluster: string;
  name: string;
  type: ConnectorType;
  className: string;
  /** Plugin version as the worker reports it (Kafka 4.1+ status), null on older workers. */
  version: string | null;
  state: ConnectorState;
  workerId: string | null;
  trace: TraceView | null;
  tasks: TaskSummary[];
  /** Topics named by the config (sink `topics`, FileStream `topic`, Debezium prefix + tables): no extra request. */
  configuredTopics: string[];
}

export interface ErrorBody {
  status: number;
  code: string;
  message: string;
  source: string;
  retryAfter?: number;
}

/** One worker of a Connect cluster of several (CONNECT_URLS "a|b"). */
export interface WorkerView {
  /** host:port, as Connect names it in a task's worker_id. */
  id: string;
  /** Its REST URL when configured; null for a worker of the group the console was not told about. */
  url: string | null;
  up: boolean;
  /** Connectors it runs, and its tasks as "<connector>-<task id>". */
  connectors: number;
  tasks: string[];
}

export interface ClusterConnectors {
  cluster: ClusterRef;
  connectors: ConnectorSummary[];
  /** The cluster's workers when it has several; null for a single worker (nothing to compare). */
  workers: WorkerView[] | null;
  /** Why this cluster could not be listed; the others still are. */
  error: ErrorBody | null;
}

export interface ConnectorsList {
  clusters: ClusterConnectors[];
  fetchedAt: string;
}

export interface DebeziumEvidence {
  database: string;
  host: string;
  port: string;
  user: string;
  slot: {
    name: string;
    /** Null when the database could not be asked (see `note`). */
    exists: boolean | null;
    active: boolean | null;
    plugin: string | null;
    confirmedFlushLsn: string | null;
    /** WAL kept for the slot, human-readable (e.g. "1.2 MB"). */
    retainedWal: string | null;
  };
  publication: {
    name: string;
    exists: boolean | null;
    tables: string[];
  };
  /** table.include.list as configured. */
  capturedTables: string[];
  /** Why the database was not queried or what went wrong (read-only checks never fail the page). */
  note: string | null;
}

export interface ConnectorDetail extends ConnectorSummary {
  /** Secrets already replaced by MASK. */
  config: Record<string, string>;
  /** Topics the connector actually used (GET /connectors/{name}/topics); null when the worker disabled tracking. */
  activeTopics: string[] | null;
  debezium: DebeziumEvidence | null;
}

export interface PluginInfo {
  className: string;
  type: string;
  version: string | null;
}

/** Connect's validation, per field: what the worker said about each key. */
export interface ValidationReport {
  ok: boolean;
  className: string;
  pluginType: string;
  errorCount: number;
  /** key → Connect's own error messages for that key. */
  fields: Record<string, string[]>;
  /** For failed connections: what was tried, the lab's endpoint and the likely cause (lib/connect/templates/lab-adapt.ts). */
  hints: ConnectionHint[];
  /** What to change so the config fits this lab (class, Docker service names → endpoints); empty when it does. */
  labChanges: ConfigChange[];
}

export interface OffsetEntry {
  partition: Record<string, unknown>;
  offset: Record<string, unknown> | null;
}

export interface ConnectorOffsets {
  state: ConnectorState;
  offsets: OffsetEntry[];
}

/** A template as the browser sees it: secret values masked. */
export interface ConnectorTemplateView {
  id: TemplateId;
  name: string;
  config: Record<string, string>;
}

export const TEMPLATE_IDS = ["debezium-postgres", "s3-sink"] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** What the register form sends: a name, a flat config and, when it came from a template, which one. */
export interface ConnectorDraft {
  name: string;
  config: Record<string, string>;
  template?: TemplateId;
}

export interface ActionOutcome {
  name: string;
  /** The state the cluster reports right after the action (Connect applies most actions asynchronously). */
  state: ConnectorState | null;
  message: string | null;
}

export type HintCode = "docker_service" | "wrong_port" | "unreachable" | "other_server";

/** Why a connection at validation failed, in codes and params the catalog renders (connectors.hints.<code>). */
export interface ConnectionHint {
  key: string;
  code: HintCode;
  params: { tried: string; lab: string };
}
