// GET /api/connectors/usage against the lab's Kafka Connect: a sink registered for this test is named for its
// bucket and its topic, with the config key that says so; other buckets and topics name nobody; bad queries 422.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { GET } from "./route";

const RUN = Date.now().toString(36);
const SINK = `firsthour-usage-${RUN}`;
const BUCKET = `firsthour-usage-${RUN}`;
const TOPIC = `firsthour_usage_${RUN}.public.pessoas`;
const CONNECT = config().connect.urls[0];

const call = async (query: string) => {
  const res = await GET(new Request(`http://127.0.0.1/api/connectors/usage?${query}`));
  return { status: res.status, body: await res.json() };
};

beforeAll(async () => {
  const c = config().s3;
  const res = await fetch(`${CONNECT}/connectors/${SINK}/config`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      "connector.class": "lab.console.connect.s3.S3SinkConnector",
      topics: TOPIC,
      "s3.bucket.name": BUCKET,
      "store.url": c.endpointForConnect,
      "aws.access.key.id": c.accessKeyId,
      "aws.secret.access.key": c.secretAccessKey,
      "tasks.max": "1",
    }),
  });
  expect(res.status, await res.text()).toBeLessThan(300);
  // Connect lists a connector, with its config, a moment after accepting it (on a fresh lab, after a rebalance).
  for (let i = 0; i < 60; i++) {
    const listed = (await (await fetch(`${CONNECT}/connectors?expand=info`)).json().catch(() => ({}))) as Record<string, { info?: { config?: Record<string, string> } }>;
    if (listed[SINK]?.info?.config?.["s3.bucket.name"] === BUCKET) break;
    await new Promise((r) => setTimeout(r, 500));
  }
}, 60_000);

afterAll(async () => {
  await fetch(`${CONNECT}/connectors/${SINK}`, { method: "DELETE" }).catch(() => undefined);
});

describe("which connectors use a bucket or a topic", () => {
  it("names the sink writing into the bucket and reading the topic, never a config value", async () => {
    const bucket = await call(`bucket=${BUCKET}`);
    expect(bucket.status).toBe(200);
    expect(bucket.body.data.connectors).toEqual([expect.objectContaining({ name: SINK, type: "sink", role: "writes", via: "s3.bucket.name" })]);
    expect(JSON.stringify(bucket.body)).not.toContain(config().s3.secretAccessKey);
    const topic = await call(`topic=${encodeURIComponent(TOPIC)}`);
    expect(topic.body.data.connectors).toEqual([expect.objectContaining({ name: SINK, role: "reads", via: "topics" })]);
    expect((await call(`bucket=${BUCKET}-other`)).body.data.connectors).toEqual([]);
  });

  it("answers 422 for a query with neither or an unknown key", async () => {
    expect((await call("")).status).toBe(422);
    expect((await call(`bucket=${BUCKET}&extra=1`)).status).toBe(422);
  });
});
