// The course's checklist as live evidence: shapes shared by the evaluator (server), the route and the browser.
// Pure (types and constants only).

/** The course's steps, in the order the course takes them (SEED.md: stack → buckets → historical → CDC/Kafka → sink → streaming → dbt/Spark → fraud). */
export const CHECKLIST_ITEM_IDS = ["stack", "buckets", "historical", "connector", "topic", "sink", "streaming", "downstream", "fraud"] as const;
export type ChecklistItemId = (typeof CHECKLIST_ITEM_IDS)[number];

/** ok: the evidence is there; missing: it is not (the cause says why); unknown: the service that holds it did not answer. */
export type ChecklistStatus = "ok" | "missing" | "unknown";

/** Why an item is not ok: a code the catalog renders (checklist.causes.<code>) and its parameters. */
export interface ChecklistCause {
  code: ChecklistCauseCode;
  params: Record<string, string | number>;
}

export const CHECKLIST_CAUSE_CODES = [
  "services_down",
  "service_unreachable",
  "buckets_missing",
  "buckets_not_public",
  "tables_missing",
  "no_historical_orders",
  "no_connector",
  "connector_not_found",
  "connector_not_running",
  "doctor_errors",
  "needs_connector",
  "no_topic",
  "no_recent_events",
  "no_sink",
  "sink_not_running",
  "no_objects",
  "no_recent_objects",
  "no_streaming",
  "no_downstream_data",
  "fraud_too_few_orders",
  "fraud_share_off",
  "timeout",
] as const;
export type ChecklistCauseCode = (typeof CHECKLIST_CAUSE_CODES)[number];

/** Evidence: numbers, keys, states and times (ISO strings), flat enough to print as "label: value". */
export type EvidenceValue = string | number | boolean | null | EvidenceValue[] | { [k: string]: EvidenceValue };
export type Evidence = Record<string, EvidenceValue>;

export interface ChecklistItem {
  id: ChecklistItemId;
  status: ChecklistStatus;
  evidence: Evidence;
  /** Set when the status is not ok. */
  cause: ChecklistCause | null;
  /** Where to act: a page of the console. */
  link: string;
  /** Milliseconds this check took. */
  durationMs: number;
}

/** What the evaluator checks against: the course's names by default, throwaway ones in tests. */
export interface ChecklistTargets {
  /** The OLTP database (orders, audit rows). */
  database: string;
  /** The warehouse database (dimensional model). */
  warehouseDatabase: string;
  /** Buckets the course creates by hand. */
  buckets: string[];
  /** Buckets or prefixes that hold the downstream layers (dbt, Spark). */
  layerBuckets: string[];
  /** A Debezium connector by name; absent: the one the selection rule picks (see rules.ts selectSource). */
  connector: { cluster?: string; name: string } | null;
  /** "Recently" means within this many minutes. */
  windowMinutes: number;
}

export const COURSE_BUCKETS = ["raw", "trusted", "refined"] as const;
export const COURSE_LAYER_BUCKETS = ["trusted", "refined", "bronze", "silver", "gold"] as const;
/** The course's connector name (SEED.md), preferred when several qualify. */
export const COURSE_CONNECTOR = "postgres-connector-pessoas";
export const DEFAULT_WINDOW_MINUTES = 15;

/** Endpoints of the lab, for the evidence report: hosts and ports only, never credentials. */
export interface LabEndpointsView {
  postgres: string;
  warehouse: string;
  kafka: string[];
  connect: string[];
  s3: string;
}

export interface ChecklistReport {
  checkedAt: string;
  targets: ChecklistTargets;
  items: ChecklistItem[];
  lab: LabEndpointsView;
  /** How "near" the fraud shares must be (see rules.ts). */
  fraudTolerance: { historical: ShareBand; streaming: ShareBand; minOrders: number };
  durationMs: number;
}

export interface ShareBand {
  expected: number;
  low: number;
  high: number;
}
