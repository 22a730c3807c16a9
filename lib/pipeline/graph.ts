// The pipeline graph from what is configured: every cluster's connectors (config + state, one expanded listing per
// cluster), the databases' tables and publications, and Kafka's topic names. Pure: lib/pipeline/sampler.ts reads
// the inputs. Nothing here knows the seed's names; a source feeding two sinks, a sink without a source, several
// clusters and no connector at all come out of the same rules.
import "server-only";
import { BUCKET_KEYS, fullMatch, splitList as split } from "../connect/shared/usage-match";
import { nodeId, type ConnectorNode, type PipelineCluster, type PipelineEdge, type PipelineGraph, type PipelineNode } from "./shared/graph";

export interface ConnectorInput {
  name: string;
  type: string | undefined;
  config: Record<string, string>;
  state: string | null;
  tasks: { id: number; state: string }[];
  /** Already redacted: the builder never sees a trace with a secret in it. */
  failure: string | null;
  /** For a Debezium PostgreSQL source: the console's id of the database it reads (null: not one of ours). */
  database: string | null;
}

export interface ClusterInput {
  id: string;
  slug: string;
  url: string;
  connectors: ConnectorInput[];
  error: string | null;
}

export interface DatabaseFacts {
  /** `schema.table` of every user table. */
  tables: string[];
  /** Publications by name: every table (`FOR ALL TABLES`) or the listed ones. */
  publications: Record<string, { allTables: boolean; tables: string[] }>;
}

export interface GraphInput {
  clusters: ClusterInput[];
  /** By database id; absent when the database could not be read (the builder falls back to literal names). */
  databases: Record<string, DatabaseFacts>;
  /** Kafka's topic names; null when Kafka could not be listed. */
  topics: string[] | null;
}

const DEBEZIUM_POSTGRES = "io.debezium.connector.postgresql.PostgresConnector";
const DEFAULT_SLOT = "debezium";
const DEFAULT_PUBLICATION = "dbz_publication";

/** An include-list entry that names one table literally (`public.pessoas`, `public\.pessoas`), as schema and table. */
function literalTable(entry: string): { schema: string; table: string } | null {
  const plain = entry.replace(/\\\./g, ".");
  const m = /^([A-Za-z_][\w$]*)\.([A-Za-z_][\w$]*)$/.exec(plain);
  return m ? { schema: m[1]!, table: m[2]! } : null;
}

const typeOf = (t: string | undefined, cfg: Record<string, string>): "source" | "sink" | null => {
  if (t === "source" || t === "sink") return t;
  // Connect had no status and no type yet: the config's keys still tell a sink from a source.
  if (cfg.topics || cfg["topics.regex"]) return "sink";
  if (cfg["connector.class"]) return "source";
  return null;
};

interface TableTarget {
  schema: string;
  table: string;
  exists: boolean | null;
  inPublication: boolean | null;
}

/**
 * The tables a Debezium PostgreSQL source captures, as Debezium decides: the include/exclude lists (regular
 * expressions over `schema.table` and schemas) over the database's tables, narrowed to the publication's tables
 * when the publication exists and no table list is given. A listed table that is missing from the catalog or from
 * an existing publication still draws, marked, because that is what a student must fix.
 */
export function capturedTables(cfg: Record<string, string>, facts: DatabaseFacts | undefined): TableTarget[] {
  const include = split(cfg["table.include.list"]);
  const exclude = split(cfg["table.exclude.list"]);
  const schemaInclude = split(cfg["schema.include.list"]);
  const schemaExclude = split(cfg["schema.exclude.list"]);
  const publicationName = cfg["publication.name"] || DEFAULT_PUBLICATION;
  if (!facts) {
    return include.flatMap((e) => {
      const t = literalTable(e);
      return t ? [{ ...t, exists: null, inPublication: null }] : [];
    });
  }
  const publication = facts.publications[publicationName];
  const inPub = (qualified: string) => (publication ? publication.allTables || publication.tables.includes(qualified) : null);
  const schemaOk = (schema: string) =>
    (schemaInclude.length === 0 || schemaInclude.some((p) => fullMatch(p, schema))) && !schemaExclude.some((p) => fullMatch(p, schema));
  const tableOk = (q: string) => (include.length === 0 || include.some((p) => fullMatch(p, q))) && !exclude.some((p) => fullMatch(p, q));

  let candidates = facts.tables.filter((q) => schemaOk(q.slice(0, q.indexOf("."))) && tableOk(q));
  if (include.length === 0) {
    // No table list: the publication decides. Missing publication: Debezium creates one for all tables
    // (all_tables, the default), for the filtered tables (filtered), or fails (disabled).
    const mode = cfg["publication.autocreate.mode"] || "all_tables";
    if (publication) candidates = candidates.filter((q) => inPub(q));
    else if (mode === "disabled") candidates = [];
  }
  const out: TableTarget[] = candidates.map((q) => {
    const dot = q.indexOf(".");
    return { schema: q.slice(0, dot), table: q.slice(dot + 1), exists: true, inPublication: inPub(q) };
  });
  // A literal entry that matches no table: drawn as missing.
  for (const e of include) {
    const t = literalTable(e);
    if (t && !facts.tables.includes(`${t.schema}.${t.table}`)) out.push({ ...t, exists: false, inPublication: inPub(`${t.schema}.${t.table}`) });
  }
  return out.sort((a, b) => `${a.schema}.${a.table}`.localeCompare(`${b.schema}.${b.table}`));
}

/** The topics a source writes that the config names outright (FileStream's `topic`, others' `kafka.topic`). */
function plainSourceTopics(cfg: Record<string, string>): string[] {
  return [cfg.topic, cfg["kafka.topic"], ...split(cfg.topics)].filter((t): t is string => Boolean(t && t.trim())).map((t) => t.trim());
}

/** The topics a sink reads: its `topics` list, or every known topic its `topics.regex` matches. */
export function sinkTopics(cfg: Record<string, string>, known: Iterable<string>): string[] {
  const listed = split(cfg.topics);
  if (listed.length) return listed;
  const regex = cfg["topics.regex"];
  if (!regex) return [];
  return [...new Set(known)].filter((t) => fullMatch(regex, t)).sort();
}

/** Where a sink writes: its bucket and top folder, when it is an object-store sink. */
export function sinkBucket(cfg: Record<string, string>): { bucket: string; prefix: string } | null {
  const key = BUCKET_KEYS.find((k) => cfg[k]?.trim());
  if (!key) return null;
  const dir = (cfg["topics.dir"] ?? "topics").replace(/^\/+|\/+$/g, "");
  return { bucket: cfg[key]!.trim(), prefix: dir };
}

export function buildGraph(input: GraphInput): PipelineGraph {
  const nodes: Record<string, PipelineNode> = {};
  const edges: PipelineEdge[] = [];
  const edgeSet = new Set<string>();
  const link = (from: string, to: string) => {
    const k = `${from}→${to}`;
    if (!edgeSet.has(k)) {
      edgeSet.add(k);
      edges.push({ from, to });
    }
  };
  const knownTopics = new Set(input.topics ?? []);
  const topicNode = (name: string) => {
    const id = nodeId.topic(name);
    nodes[id] ??= { id, kind: "topic", name, exists: input.topics === null ? null : knownTopics.has(name) };
    return id;
  };

  // Sources first: the topics they will write count for a sink's topics.regex even before Kafka has them.
  const planned: { cluster: ClusterInput; c: ConnectorInput; type: "source" | "sink"; id: string }[] = [];
  const clusters: PipelineCluster[] = input.clusters.map((cluster) => ({ id: cluster.id, slug: cluster.slug, url: cluster.url, error: cluster.error, nodes: [] }));
  for (const cluster of input.clusters) {
    for (const c of [...cluster.connectors].sort((a, b) => a.name.localeCompare(b.name))) {
      const type = typeOf(c.type, c.config);
      if (!type) continue;
      const id = nodeId.connector(cluster.slug, c.name);
      const bucket = type === "sink" ? sinkBucket(c.config) : null;
      const debezium = type === "source" && c.config["connector.class"] === DEBEZIUM_POSTGRES;
      const node: ConnectorNode = {
        id,
        kind: type,
        cluster: cluster.id,
        clusterSlug: cluster.slug,
        name: c.name,
        className: c.config["connector.class"] ?? "",
        state: c.state ?? "UNASSIGNED",
        tasks: c.tasks,
        failure: c.failure,
        slot: debezium ? c.config["slot.name"] || DEFAULT_SLOT : null,
        database: debezium ? c.database : null,
        bucket: bucket?.bucket ?? null,
        topicsDir: bucket?.prefix ?? null,
        group: type === "sink" ? c.config["consumer.override.group.id"] || `connect-${c.name}` : null,
      };
      nodes[id] = node;
      planned.push({ cluster, c, type, id });
    }
  }

  const written = new Set<string>();
  for (const { c, type, id } of planned) {
    if (type !== "source") continue;
    if (c.config["connector.class"] === DEBEZIUM_POSTGRES) {
      const prefix = c.config["topic.prefix"] ?? "";
      const database = c.database ?? `${c.config["database.hostname"] ?? "?"}:${c.config["database.port"] ?? "5432"}/${c.config["database.dbname"] ?? "?"}`;
      const facts = c.database ? input.databases[c.database] : undefined;
      for (const t of capturedTables(c.config, facts)) {
        const tid = nodeId.table(database, t.schema, t.table);
        nodes[tid] ??= {
          id: tid,
          kind: "table",
          database,
          known: c.database !== null,
          schema: t.schema,
          table: t.table,
          exists: t.exists,
          publication: c.config["publication.name"] || DEFAULT_PUBLICATION,
          inPublication: t.inPublication,
        };
        link(tid, id);
        if (prefix) {
          const topic = `${prefix}.${t.schema}.${t.table}`;
          written.add(topic);
          link(id, topicNode(topic));
        }
      }
    } else {
      for (const topic of plainSourceTopics(c.config)) {
        written.add(topic);
        link(id, topicNode(topic));
      }
    }
  }

  const candidates = new Set([...knownTopics, ...written]);
  for (const { c, type, id } of planned) {
    if (type !== "sink") continue;
    const node = nodes[id] as ConnectorNode;
    for (const topic of sinkTopics(c.config, candidates)) link(topicNode(topic), id);
    if (node.bucket !== null) {
      const bid = nodeId.bucket(node.bucket, node.topicsDir ?? "");
      nodes[bid] ??= { id: bid, kind: "bucket", bucket: node.bucket, prefix: node.topicsDir ?? "" };
      link(id, bid);
    }
  }

  // Each cluster's part of the graph: its connectors and every node one hop from them (tables → sources, sources →
  // topics, topics → sinks, sinks → buckets), ordered by stage then name.
  const order: Record<string, number> = { table: 0, source: 1, topic: 2, sink: 3, bucket: 4 };
  const labelOf = (n: PipelineNode) => (n.kind === "table" ? `${n.database}/${n.schema}.${n.table}` : n.kind === "topic" ? n.name : n.kind === "bucket" ? `${n.bucket}/${n.prefix}` : n.name);
  for (const cluster of clusters) {
    const own = new Set(planned.filter((p) => p.cluster.id === cluster.id).map((p) => p.id));
    const reached = new Set(own);
    for (const e of edges) {
      if (own.has(e.from)) reached.add(e.to);
      if (own.has(e.to)) reached.add(e.from);
    }
    cluster.nodes = [...reached].sort((a, b) => order[nodes[a]!.kind]! - order[nodes[b]!.kind]! || labelOf(nodes[a]!).localeCompare(labelOf(nodes[b]!)));
  }
  return { clusters, nodes, edges };
}
