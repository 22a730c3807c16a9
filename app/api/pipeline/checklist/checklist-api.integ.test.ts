// GET /api/pipeline/checklist against the lab, called as Next.js calls it: the one envelope with every item in the
// course's order, targets narrowed by the query (a connector that does not exist is red with its cause), a strict
// query (an unknown key is a 422 naming it), and no secret in the answer.
import { describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { GET } from "./route";

const base = "http://127.0.0.1:3000/api/pipeline/checklist";

async function call(qs: string) {
  const r = await GET(new Request(`${base}${qs}`, { headers: { host: "127.0.0.1:3000" } }));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts
  return { status: r.status, text: await r.clone().text(), body: (await r.json()) as { ok: boolean; data?: any; error?: any } };
}

describe("GET /api/pipeline/checklist", () => {
  it("answers every item, narrowed to the named connector and buckets, without a secret", async () => {
    const name = `ck-api-missing-${Date.now().toString(36)}`;
    const res = await call(`?connector=${name}&buckets=ck-api-no-such-bucket&window=5`);
    expect(res.status).toBe(200);
    expect(res.body.data.items.map((i: { id: string }) => i.id)).toEqual(["stack", "buckets", "historical", "connector", "topic", "sink", "streaming", "downstream", "fraud"]);
    expect(res.body.data.targets).toMatchObject({ database: config().postgres.oltpDatabase, buckets: ["ck-api-no-such-bucket"], connector: { name }, windowMinutes: 5 });
    const byId = Object.fromEntries(res.body.data.items.map((i: { id: string }) => [i.id, i]));
    expect(byId.connector).toMatchObject({ status: "missing", cause: { code: "connector_not_found", params: { connector: name } } });
    expect(byId.buckets).toMatchObject({ status: "missing", cause: { code: "buckets_missing", params: { buckets: "ck-api-no-such-bucket" } } });
    expect(res.body.data.lab).toMatchObject({ postgres: expect.stringContaining(config().postgres.oltpDatabase), s3: config().s3.endpoint });
    expect(res.text).not.toContain(config().s3.secretAccessKey);
    expect(res.text).not.toMatch(/"[\w.-]*(password|secret)[\w.-]*"\s*:/i);
  });

  it("refuses an unknown key and an out-of-range window with 422", async () => {
    const bad = await call("?conector=x");
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("invalid_input");
    expect(JSON.stringify(bad.body.error)).toContain("conector");
    expect((await call("?window=0")).status).toBe(422);
  });
});
