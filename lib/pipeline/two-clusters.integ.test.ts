// Two Kafka Connect clusters on the overview, against the real lab. The lab runs one Connect, so this console is
// configured with it twice, under two URLs (127.0.0.1 and localhost): two cluster ids and slugs, each answering
// with the same connectors. What the test proves is honest for that setup: every cluster is listed on its own,
// a connector draws once per cluster (linking that cluster's page), and the topic they share is one node.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLabEndpoints, resolveConfig } from "../config-core";

const base = resolveConfig(process.env, readLabEndpoints()).connect.urls[0]!;
const other = base.includes("127.0.0.1") ? base.replace("127.0.0.1", "localhost") : base.replace("localhost", "127.0.0.1");
const saved = process.env.CONNECT_URLS;
process.env.CONNECT_URLS = `${base},${other}`;

const RUN = Date.now().toString(36);
const SINK = `ov-it2-${RUN}`;
const TOPIC = `ov-it2-${RUN}`;

let connect: typeof import("../connect/client");
let sampler: import("./sampler").PipelineSampler;

beforeAll(async () => {
  connect = await import("../connect/client");
  sampler = new (await import("./sampler")).PipelineSampler();
  await connect.createConnector(connect.clusters()[0]!, SINK, { "connector.class": "org.apache.kafka.connect.file.FileStreamSinkConnector", topics: TOPIC, file: "/dev/null" });
}, 60_000);

afterAll(async () => {
  await connect.deleteConnector(connect.clusters()[0]!, SINK).catch(() => undefined);
  const { kafka } = await import("../kafka/client");
  const admin = kafka().admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [TOPIC] }).catch(() => undefined);
  await admin.deleteGroups([`connect-${SINK}`]).catch(() => undefined);
  await admin.disconnect();
  if (saved === undefined) delete process.env.CONNECT_URLS;
  else process.env.CONNECT_URLS = saved;
}, 60_000);

describe("the overview with two Connect clusters configured", () => {
  it("draws each cluster apart, the connector once per cluster, the shared topic once", async () => {
    const [a, b] = connect.clusters();
    expect(a!.slug).not.toBe(b!.slug);
    let snap = await sampler.tick();
    for (let i = 0; i < 30 && !(snap.graph.nodes[`connector:${a!.slug}/${SINK}`] && snap.graph.nodes[`connector:${b!.slug}/${SINK}`]); i++) {
      await new Promise((r) => setTimeout(r, 1000));
      snap = await sampler.tick();
    }
    expect(snap.graph.clusters.map((c) => c.slug)).toEqual([a!.slug, b!.slug]);
    for (const c of [a!, b!]) {
      const id = `connector:${c.slug}/${SINK}`;
      expect(snap.graph.nodes[id]).toMatchObject({ kind: "sink", cluster: c.id });
      expect(snap.graph.clusters.find((x) => x.slug === c.slug)!.nodes).toEqual(expect.arrayContaining([`topic:${TOPIC}`, id]));
      expect(snap.health[id]!.link).toBe(`/connectors/${c.slug}/${SINK}`);
    }
    expect(Object.keys(snap.graph.nodes).filter((k) => k === `topic:${TOPIC}`)).toHaveLength(1);
  }, 60_000);
});
