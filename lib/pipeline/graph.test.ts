import { describe, expect, it } from "vitest";
import { buildGraph, capturedTables, type ClusterInput, type ConnectorInput, type DatabaseFacts } from "./graph";

const PG = "io.debezium.connector.postgresql.PostgresConnector";
const SINK = "lab.console.connect.s3.S3SinkConnector";

function connector(name: string, type: "source" | "sink", config: Record<string, string>, extra: Partial<ConnectorInput> = {}): ConnectorInput {
  return { name, type, config, state: "RUNNING", tasks: [{ id: 0, state: "RUNNING" }], failure: null, database: type === "source" && config["connector.class"] === PG ? "oltp" : null, ...extra };
}
const cluster = (id: string, slug: string, connectors: ConnectorInput[], error: string | null = null): ClusterInput => ({ id, slug, url: `http://${slug}`, connectors, error });
const facts: DatabaseFacts = {
  tables: ["public.pessoas", "public.pedidos", "public.produtos", "dw.fato"],
  publications: { shop_pub: { allTables: false, tables: ["public.pessoas", "public.pedidos"] }, every: { allTables: true, tables: [] } },
};
const source = (name: string, prefix: string, more: Record<string, string> = {}) => connector(name, "source", { "connector.class": PG, "topic.prefix": prefix, "publication.name": "shop_pub", ...more });
const sink = (name: string, more: Record<string, string>) => connector(name, "sink", { "connector.class": SINK, "s3.bucket.name": "raw", ...more });
const edgesOf = (g: ReturnType<typeof buildGraph>) => g.edges.map((e) => `${e.from} → ${e.to}`).sort();

describe("the pipeline graph", () => {
  it("draws table → source → topic → two sinks → their buckets for one source feeding two sinks", () => {
    const g = buildGraph({
      clusters: [cluster("0", "c1", [source("src", "shop", { "table.include.list": "public.pessoas" }), sink("to-raw", { topics: "shop.public.pessoas" }), sink("to-archive", { topics: "shop.public.pessoas", "s3.bucket.name": "archive", "topics.dir": "/cdc/" })])],
      databases: { oltp: facts },
      topics: ["shop.public.pessoas"],
    });
    expect(edgesOf(g)).toEqual([
      "connector:c1/src → topic:shop.public.pessoas",
      "connector:c1/to-archive → bucket:archive/cdc",
      "connector:c1/to-raw → bucket:raw/topics",
      "table:oltp/public.pessoas → connector:c1/src",
      "topic:shop.public.pessoas → connector:c1/to-archive",
      "topic:shop.public.pessoas → connector:c1/to-raw",
    ]);
    expect(g.nodes["table:oltp/public.pessoas"]).toMatchObject({ exists: true, inPublication: true, publication: "shop_pub" });
    expect(g.nodes["topic:shop.public.pessoas"]).toMatchObject({ exists: true });
    expect(g.nodes["connector:c1/src"]).toMatchObject({ kind: "source", slot: "debezium", database: "oltp" });
    expect(g.clusters[0]!.nodes.map((id) => g.nodes[id]!.kind)).toEqual(["table", "source", "topic", "sink", "sink", "bucket", "bucket"]);
  });

  it("draws a sink without a source: its topics and bucket, no table", () => {
    const g = buildGraph({ clusters: [cluster("0", "c1", [sink("lonely", { topics: "orders,refunds" })])], databases: {}, topics: ["orders"] });
    expect(edgesOf(g)).toEqual(["connector:c1/lonely → bucket:raw/topics", "topic:orders → connector:c1/lonely", "topic:refunds → connector:c1/lonely"]);
    expect(g.nodes["topic:refunds"]).toMatchObject({ exists: false });
    expect(Object.values(g.nodes).some((n) => n.kind === "table")).toBe(false);
  });

  it("keeps two Connect clusters apart, sharing the topic between them", () => {
    const g = buildGraph({
      clusters: [cluster("0", "east", [source("src", "shop", { "table.include.list": "public.pessoas" })]), cluster("1", "west", [sink("src", { topics: "shop.public.pessoas" })])],
      databases: { oltp: facts },
      topics: [],
    });
    // The same connector name on two clusters is two nodes.
    expect(g.nodes["connector:east/src"]).toMatchObject({ kind: "source", cluster: "0" });
    expect(g.nodes["connector:west/src"]).toMatchObject({ kind: "sink", cluster: "1" });
    expect(g.clusters.map((c) => c.nodes)).toEqual([
      ["table:oltp/public.pessoas", "connector:east/src", "topic:shop.public.pessoas"],
      ["topic:shop.public.pessoas", "connector:west/src", "bucket:raw/topics"],
    ]);
  });

  it("draws nothing but the clusters when there is no connector, and keeps a cluster's error", () => {
    const g = buildGraph({ clusters: [cluster("0", "c1", []), cluster("1", "c2", [], "connection refused")], databases: {}, topics: ["x"] });
    expect(g.nodes).toEqual({});
    expect(g.edges).toEqual([]);
    expect(g.clusters).toMatchObject([{ slug: "c1", nodes: [], error: null }, { slug: "c2", error: "connection refused" }]);
  });

  it("resolves a sink's topics.regex against Kafka's topics and the topics sources will write", () => {
    const g = buildGraph({
      clusters: [cluster("0", "c1", [source("src", "shop", { "table.include.list": "public.pedidos" }), sink("all-shop", { "topics.regex": "shop\\..*" })])],
      databases: { oltp: facts },
      topics: ["shop.public.pessoas", "other.public.x"],
    });
    expect(g.edges.filter((e) => e.to === "connector:c1/all-shop").map((e) => e.from).sort()).toEqual(["topic:shop.public.pedidos", "topic:shop.public.pessoas"]);
  });

  it("a FileStream source writes its `topic`; a sink without a bucket ends at itself", () => {
    const g = buildGraph({
      clusters: [cluster("0", "c1", [connector("file-src", "source", { "connector.class": "org.apache.kafka.connect.file.FileStreamSourceConnector", topic: "lines" }), connector("file-sink", "sink", { "connector.class": "org.apache.kafka.connect.file.FileStreamSinkConnector", topics: "lines" })])],
      databases: {},
      topics: null,
    });
    expect(edgesOf(g)).toEqual(["connector:c1/file-src → topic:lines", "topic:lines → connector:c1/file-sink"]);
    expect(g.nodes["topic:lines"]).toMatchObject({ exists: null });
  });

  it("a connector still without status or type is placed by its config", () => {
    const g = buildGraph({ clusters: [cluster("0", "c1", [connector("new", "sink", { topics: "t", "s3.bucket.name": "b" }, { type: undefined, state: null })])], databases: {}, topics: [] });
    expect(g.nodes["connector:c1/new"]).toMatchObject({ kind: "sink", state: "UNASSIGNED", bucket: "b" });
  });
});

describe("the tables a Debezium source captures", () => {
  const names = (cfg: Record<string, string>, f: DatabaseFacts | undefined = facts) => capturedTables(cfg, f).map((t) => `${t.schema}.${t.table}`);

  it("with no include list, the publication's tables", () => {
    expect(names({ "publication.name": "shop_pub" })).toEqual(["public.pedidos", "public.pessoas"]);
  });
  it("with no include list and a FOR ALL TABLES publication, every table, narrowed by the schema list", () => {
    expect(names({ "publication.name": "every", "schema.include.list": "public" })).toEqual(["public.pedidos", "public.pessoas", "public.produtos"]);
  });
  it("with a missing publication: all tables (all_tables, the default), none (disabled)", () => {
    expect(names({ "publication.name": "nope" })).toHaveLength(4);
    expect(names({ "publication.name": "nope", "publication.autocreate.mode": "disabled" })).toEqual([]);
  });
  it("include entries are regular expressions; exclusions apply", () => {
    expect(names({ "publication.name": "every", "table.include.list": "public\\.p.*", "table.exclude.list": "public.produtos" })).toEqual(["public.pedidos", "public.pessoas"]);
  });
  it("marks a listed table outside the publication, and a listed table that does not exist", () => {
    const t = capturedTables({ "publication.name": "shop_pub", "table.include.list": "public.produtos,public.ghost" }, facts);
    expect(t).toEqual([
      { schema: "public", table: "ghost", exists: false, inPublication: false },
      { schema: "public", table: "produtos", exists: true, inPublication: false },
    ]);
  });
  it("without the catalog, the literal names of the include list", () => {
    expect(capturedTables({ "table.include.list": "public\\.pessoas,public\\..*" }, undefined)).toEqual([{ schema: "public", table: "pessoas", exists: null, inPublication: null }]);
  });
});
