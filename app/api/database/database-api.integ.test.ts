// The Database area's route handlers against the lab's REAL PostgreSQL, called as Next.js calls them: reads
// answer the one envelope, names full of SQL travel as parameters, fixes go through the guard (strict input,
// audit) and answer with the doctor's new report. Everything is named database_api_<run> and removed.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pool } from "@/lib/pg/client";
import { GET as catalogRoute } from "./[db]/catalog/route";
import { GET as doctorRoute } from "./[db]/doctor/route";
import { POST as fixRoute } from "./[db]/doctor/fix/route";
import { POST as createPublicationRoute } from "./[db]/publications/route";
import { DELETE as dropSlotRoute } from "./[db]/slots/[slot]/route";
import { GET as rowsRoute } from "./[db]/table/rows/route";
import { GET as tableRoute } from "./[db]/table/route";

const RUN = Date.now().toString(36);
const TABLE = `database_api_${RUN}"; DROP TABLE pessoas; --`;
const PUB = `database_api_pub_${RUN}`;
const { escapeIdentifier: id } = pg;
const sql = (text: string, values: unknown[] = []) => pool("oltp").query(text, values);
const base = "http://127.0.0.1:3000/api/database/oltp";
const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
const headers = { host: "127.0.0.1:3000", "content-type": "application/json" };

async function call(res: Promise<Response>) {
  const r = await res;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts
  return { status: r.status, headers: r.headers, body: (await r.json()) as { ok: boolean; data?: any; error?: any } };
}

beforeAll(async () => {
  await sql(`CREATE TABLE public.${id(TABLE)} (id int PRIMARY KEY, v text)`);
  await sql(`INSERT INTO public.${id(TABLE)} VALUES (1, 'um'), (2, 'dois')`);
});

afterAll(async () => {
  await sql(`DROP PUBLICATION IF EXISTS ${id(PUB)}`);
  await sql(`DROP TABLE IF EXISTS public.${id(TABLE)}`);
  await db().auditEntry.deleteMany({ where: { action: { startsWith: "database." }, target: { contains: RUN } } });
});

describe("database read routes", () => {
  it("the catalog answers the envelope with Server-Timing", async () => {
    const r = await call(catalogRoute(new Request(`${base}/catalog`), ctx({ db: "oltp" })));
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    expect(r.body.data.tables.some((t: { name: string }) => t.name === TABLE)).toBe(true);
    expect(r.headers.get("server-timing")).toMatch(/^total;dur=\d/);
  });

  it("a table named with SQL is read through query parameters, never executed", async () => {
    const q = new URLSearchParams({ schema: "public", table: TABLE });
    const detail = await call(tableRoute(new Request(`${base}/table?${q}`), ctx({ db: "oltp" })));
    expect(detail.body.data.columns.map((c: { name: string }) => c.name)).toEqual(["id", "v"]);
    const rows = await call(rowsRoute(new Request(`${base}/table/rows?${q}`), ctx({ db: "oltp" })));
    expect(rows.body.data.rows).toEqual([["1", "um"], ["2", "dois"]]);
    expect((await sql("SELECT to_regclass('public.pessoas') IS NOT NULL AS ok")).rows[0].ok).toBe(true);
  });

  it("bad queries: an unknown key and a negative offset are 422 naming the field; an unknown database is 404", async () => {
    const unknown = await call(tableRoute(new Request(`${base}/table?schema=public&table=x&tabel=y`), ctx({ db: "oltp" })));
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe("invalid_input");
    expect(JSON.stringify(unknown.body.error.issues)).toContain("tabel");
    const neg = await call(rowsRoute(new Request(`${base}/table/rows?schema=public&table=x&offset=-1`), ctx({ db: "oltp" })));
    expect(neg.status).toBe(422);
    const nodb = await call(catalogRoute(new Request("http://127.0.0.1:3000/api/database/nope/catalog"), ctx({ db: "nope" })));
    expect(nodb.status).toBe(404);
    expect(nodb.body.error).toMatchObject({ code: "database_not_found", params: { database: "nope" } });
  });

  it("the doctor route runs every rule", async () => {
    const r = await call(doctorRoute(new Request(`${base}/doctor`), ctx({ db: "oltp" })));
    expect(r.body.ok).toBe(true);
    expect(r.body.data.rules).toHaveLength(19);
  });
});

describe("database mutations through the guard", () => {
  it("a fix is applied, audited, and answered with the doctor's new report", async () => {
    await sql(`CREATE PUBLICATION ${id(PUB)} FOR TABLE public.pessoas`);
    const action = { type: "add_table_to_publication", database: "oltp", publication: PUB, schema: "public", table: TABLE };
    const r = await call(fixRoute(new Request(`${base}/doctor/fix`, { method: "POST", headers, body: JSON.stringify({ action }) }), ctx({ db: "oltp" })));
    expect(r.status).toBe(200);
    expect(r.body.data.outcome.applied).toBe(`ALTER PUBLICATION ${id(PUB)} ADD TABLE "public".${id(TABLE)}`);
    expect(r.body.data.report.rules).toHaveLength(19);
    expect((await sql("SELECT 1 FROM pg_publication_tables WHERE pubname = $1 AND tablename = $2", [PUB, TABLE])).rowCount).toBe(1);
    const audit = await db().auditEntry.findFirst({ where: { action: "database.doctor.fix", target: { contains: PUB } }, orderBy: { at: "desc" } });
    expect(audit?.outcome).toBe("ok");
  });

  it("strict input: an unknown key or an unknown fix type is 422 and changes nothing", async () => {
    const extra = await call(fixRoute(new Request(`${base}/doctor/fix`, { method: "POST", headers, body: JSON.stringify({ action: { type: "drop_slot", database: "oltp", slot: "x" }, force: true }) }), ctx({ db: "oltp" })));
    expect(extra.status).toBe(422);
    const bogus = await call(fixRoute(new Request(`${base}/doctor/fix`, { method: "POST", headers, body: JSON.stringify({ action: { type: "drop_database", database: "oltp" } }) }), ctx({ db: "oltp" })));
    expect(bogus.status).toBe(422);
    const other = await call(fixRoute(new Request(`${base}/doctor/fix`, { method: "POST", headers, body: JSON.stringify({ action: { type: "drop_slot", database: "dw", slot: "x" } }) }), ctx({ db: "oltp" })));
    expect(other.status).toBe(422);
  });

  it("a fix on a table that no longer exists says so (404 table_not_found) and the publication is unchanged", async () => {
    const before = (await sql("SELECT count(*)::int AS n FROM pg_publication_tables WHERE pubname = $1", [PUB])).rows[0].n;
    const action = { type: "add_table_to_publication", database: "oltp", publication: PUB, schema: "public", table: `gone_${RUN}` };
    const r = await call(fixRoute(new Request(`${base}/doctor/fix`, { method: "POST", headers, body: JSON.stringify({ action }) }), ctx({ db: "oltp" })));
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: "table_not_found", params: { table: `gone_${RUN}`, schema: "public" } });
    expect((await sql("SELECT count(*)::int AS n FROM pg_publication_tables WHERE pubname = $1", [PUB])).rows[0].n).toBe(before);
  });

  it("creating a publication that exists is a 409; dropping a slot that does not exist is a 404", async () => {
    const dup = await call(createPublicationRoute(new Request(`${base}/publications`, { method: "POST", headers, body: JSON.stringify({ name: PUB, tables: [{ schema: "public", table: "pessoas" }] }) }), ctx({ db: "oltp" })));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("publication_exists");
    const slot = await call(dropSlotRoute(new Request(`${base}/slots/none_${RUN}`, { method: "DELETE", headers }), ctx({ db: "oltp", slot: `none_${RUN}` })));
    expect(slot.status).toBe(404);
    expect(slot.body.error.code).toBe("slot_not_found");
  });
});
