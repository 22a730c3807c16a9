// The pipeline as the overview draws it: captured tables → source connectors → topics → sink connectors →
// buckets, built from what is configured (lib/pipeline/graph.ts). Pure types, shared with the browser: no config
// value and no secret is in here (a connector's failure text is redacted before it gets here).

export type StageKind = "table" | "source" | "topic" | "sink" | "bucket";

export interface TableNode {
  id: string;
  kind: "table";
  /** The console's database id (`oltp`, `dw`) or, for a database the console does not know, `host:port/dbname`. */
  database: string;
  /** True when the console can read this database's statistics (it is one of lib/pg's databases). */
  known: boolean;
  schema: string;
  table: string;
  /** False when the catalog was read and has no such table; null when it could not be read. */
  exists: boolean | null;
  /** The source's publication, and whether this table is in it (null: unknown or not checked). */
  publication: string | null;
  inPublication: boolean | null;
}

export interface ConnectorNode {
  id: string;
  kind: "source" | "sink";
  /** Cluster id (its index) and slug (the connector detail URL's segment). */
  cluster: string;
  clusterSlug: string;
  name: string;
  className: string;
  /** Connect's state of the connector, UNASSIGNED while it has no status yet. */
  state: string;
  tasks: { id: number; state: string }[];
  /** The first line of the connector's or a failed task's trace, secrets redacted; null when nothing failed. */
  failure: string | null;
  /** Debezium PostgreSQL sources: the slot and database they read. */
  slot: string | null;
  database: string | null;
  /** Sinks into a bucket: the bucket and the top folder (`topics.dir`). */
  bucket: string | null;
  topicsDir: string | null;
  /** Sinks: the consumer group whose committed offsets are its progress (`connect-<name>` unless overridden). */
  group: string | null;
}

export interface TopicNode {
  id: string;
  kind: "topic";
  name: string;
  /** Whether Kafka has it (null when Kafka could not be listed). */
  exists: boolean | null;
}

export interface BucketNode {
  id: string;
  kind: "bucket";
  bucket: string;
  /** The folder the sinks write under (`topics.dir`, e.g. `topics`); "" for the bucket's root. */
  prefix: string;
}

export type PipelineNode = TableNode | ConnectorNode | TopicNode | BucketNode;

export interface PipelineEdge {
  from: string;
  to: string;
}

export interface PipelineCluster {
  id: string;
  slug: string;
  url: string;
  /** Why this cluster's connectors could not be listed (the others still draw). */
  error: string | null;
  /** Ids of the nodes reached from this cluster's connectors, in drawing order per stage. */
  nodes: string[];
}

export interface PipelineGraph {
  clusters: PipelineCluster[];
  nodes: Record<string, PipelineNode>;
  edges: PipelineEdge[];
}

export const nodeId = {
  table: (database: string, schema: string, table: string) => `table:${database}/${schema}.${table}`,
  connector: (clusterSlug: string, name: string) => `connector:${clusterSlug}/${name}`,
  topic: (name: string) => `topic:${name}`,
  bucket: (bucket: string, prefix: string) => `bucket:${bucket}/${prefix}`,
};
