// The SQL routes as the browser calls them, with a login (exposed console): viewers run read-only queries and keep
// their own saved queries; only the operator saves a result to the lake, which the lake preview then reads.
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const RUN = Date.now().toString(36);
const BUCKET = `sql-api-${RUN}`;
const ENV = {
  CONSOLE_HOST: "0.0.0.0",
  CONSOLE_OPERATOR_PASSWORD: "op-sql-test",
  CONSOLE_VIEWER_PASSWORD: "viewer-sql-test",
  CONSOLE_SESSION_SECRET: "sql-api-test-session-secret-0123456789",
  SQL_CACHE_DIR: path.join(os.tmpdir(), `sql-api-cache-${RUN}`),
};
for (const [k, v] of Object.entries(ENV)) vi.stubEnv(k, v);

const { signSession } = await import("@/lib/auth/sessions/session");
const { PEER_HEADER } = await import("@/lib/auth/request/client-address");
const { sessionSecret } = await import("@/lib/auth/principal");
const { s3 } = await import("@/lib/s3/client");
const { db } = await import("@/lib/db");
const { previewParquet } = await import("@/lib/s3/preview/parquet");
const queryRoute = await import("./query/route");
const saveRoute = await import("./save-parquet/route");
const savedRoute = await import("./saved/route");
const describeRoute = await import("./describe/route");

const cookie = async (user: string, role: "operator" | "viewer") =>
  `lab_session=${await signSession({ u: user, r: role, exp: Date.now() + 600_000, sid: randomBytes(12).toString("hex") }, await sessionSecret())}`;
const viewerUser = `sql-api-viewer-${RUN}`;

async function call(handler: unknown, opts: { method?: string; body?: unknown; cookie?: string; url?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", [PEER_HEADER]: "10.9.8.15" };
  if (opts.cookie) headers.cookie = opts.cookie;
  const req = new Request(opts.url ?? "http://127.0.0.1:3000/api/sql", { method: opts.method ?? "POST", headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const res = await (handler as (r: Request, c: unknown) => Promise<Response>)(req, { params: Promise.resolve({}) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: any; error?: any } };
}

const tables = [{ kind: "lake", name: "t", bucket: BUCKET, prefix: "raw/" }];

beforeAll(async () => {
  await s3().send(new CreateBucketCommand({ Bucket: BUCKET }));
  const body = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: i, cor: i % 3 === 0 ? "azul" : "verde" })).join("\n");
  await s3().send(new PutObjectCommand({ Bucket: BUCKET, Key: "raw/part-0.jsonl", Body: body }));
});

afterAll(async () => {
  const keys = ((await s3().send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => ({ Key: o.Key! }));
  if (keys.length) await s3().send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: keys } }));
  await s3().send(new DeleteBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
  await db().sqlSavedQuery.deleteMany({ where: { owner: viewerUser } });
  await db().auditEntry.deleteMany({ where: { clientIp: "10.9.8.15" } });
  rmSync(ENV.SQL_CACHE_DIR, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe("SQL API", () => {
  it("lets a viewer run a read-only query, audited, and refuses writes with a clear error", async () => {
    const viewer = await cookie(viewerUser, "viewer");
    const ok = await call(queryRoute.POST, { cookie: viewer, body: { sql: "SELECT cor, count(*) AS n FROM t GROUP BY cor ORDER BY cor", tables } });
    expect(ok.status).toBe(200);
    expect(ok.body.data.rows).toEqual([
      ["azul", "10"],
      ["verde", "20"],
    ]);
    const refused = await call(queryRoute.POST, { cookie: viewer, body: { sql: "COPY (SELECT 1) TO '/tmp/x.csv'", tables } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "sql_forbidden", source: "console" });
    expect(refused.body.error.detail).toMatch(/disabled by configuration/);
    const syntax = await call(queryRoute.POST, { cookie: viewer, body: { sql: "SELECT cor\nFROM t WHERE cor = nope", tables } });
    expect(syntax.body.error).toMatchObject({ code: "sql_error", params: { line: 2, column: 20 } });
    expect(syntax.body.error.detail).toMatch(/nope/);
    const audited = await db().auditEntry.findMany({ where: { clientIp: "10.9.8.15", action: "sql.query", actor: viewerUser } });
    expect(audited.map((a) => a.outcome).sort()).toEqual(["error", "error", "ok"]);
    const unknown = await call(queryRoute.POST, { cookie: viewer, body: { sql: "SELECT 1", tabels: [] } });
    expect(unknown.status).toBe(422);
  });

  it("describes a prefix with its suggested name and columns", async () => {
    const viewer = await cookie(viewerUser, "viewer");
    const r = await call(describeRoute.GET, { method: "GET", cookie: viewer, url: `http://127.0.0.1:3000/api/sql/describe?bucket=${BUCKET}&prefix=raw/` });
    expect(r.body.data).toMatchObject({ objects: 1, debezium: false, columns: [{ name: "id" }, { name: "cor" }] });
  });

  it("saves as Parquet for the operator only; the lake preview reads the same rows back", async () => {
    const input = { sql: "SELECT id, cor FROM t WHERE cor = 'azul' ORDER BY id", tables, bucket: BUCKET, key: "trusted/azul/part-0.parquet" };
    const asViewer = await call(saveRoute.POST, { cookie: await cookie(viewerUser, "viewer"), body: input });
    expect(asViewer.status).toBe(403);
    expect((await s3().send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: "trusted/" }))).KeyCount ?? 0).toBe(0);
    const asOperator = await call(saveRoute.POST, { cookie: await cookie("sql-api-op", "operator"), body: input });
    expect(asOperator.status).toBe(201);
    expect(asOperator.body.data).toMatchObject({ rows: 10, key: "trusted/azul/part-0.parquet" });
    const preview = await previewParquet(BUCKET, input.key, asOperator.body.data.bytes);
    expect(preview.rows.map((r) => [Number(r.id), r.cor])).toEqual(Array.from({ length: 10 }, (_, i) => [i * 3, "azul"]));
  });

  it("keeps each user's saved queries", async () => {
    const viewer = await cookie(viewerUser, "viewer");
    const created = await call(savedRoute.POST, { cookie: viewer, body: { title: "azuis", sql: "SELECT * FROM t WHERE cor = 'azul'", target: "lake", tables } });
    expect(created.status).toBe(201);
    const mine = await call(savedRoute.GET, { method: "GET", cookie: viewer });
    expect(mine.body.data.queries.map((q: { title: string }) => q.title)).toEqual(["azuis"]);
    const other = await call(savedRoute.GET, { method: "GET", cookie: await cookie(`someone-else-${RUN}`, "viewer") });
    expect(other.body.data.queries).toEqual([]);
  });
});
