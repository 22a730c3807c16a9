// Catalogs and the Replication tab against the lab's REAL PostgreSQL, including names a careless quoting would
// execute: quotes, spaces, unicode and SQL in schema and table names. Everything is named database_it_… and removed.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exactRowCount, getCatalog, getTableDetail, previewRows } from "./catalog";
import { pool } from "./client";
import { addTableToPublication, createPublication, dropPublication, removeTableFromPublication, setReplicaIdentityFull } from "./doctor/fixes";
import { getReplicationOverview } from "./replication";

const RUN = Date.now().toString(36);
// Each of these would break (or run SQL) if it were concatenated into a statement.
const SCHEMA = `database_it ${RUN} "quoted"; DROP TABLE pessoas; --`;
const TABLE = `tábua ünï 'x'); DELETE FROM pessoas; -- ${RUN}`;
const SENTINEL = `database_it_sentinel_${RUN}`;
const PUB = `database_it "pub" ${RUN}`;
const ROLE = `database_it_reader_${RUN}`;
const { escapeIdentifier: id } = pg;
const sql = (text: string, values: unknown[] = []) => pool("oltp").query(text, values);
const QT = `${id(SCHEMA)}.${id(TABLE)}`;

beforeAll(async () => {
  await sql(`CREATE SCHEMA ${id(SCHEMA)}`);
  await sql(`CREATE TABLE ${QT} ("id ""k""" int PRIMARY KEY, "nome; DROP" text NOT NULL DEFAULT 'sem nome', dados bytea)`);
  await sql(`CREATE INDEX ${id(`idx ${RUN}`)} ON ${QT} ("nome; DROP")`);
  await sql(`INSERT INTO ${QT} SELECT g, 'pessoa ' || g, '\\xdeadbeef' FROM generate_series(1, 120) g`);
  await sql(`CREATE TABLE public.${id(SENTINEL)} (id int)`);
  await sql(`ANALYZE ${QT}`);
  await sql(`CREATE ROLE ${id(ROLE)} LOGIN`);
  await sql(`GRANT USAGE ON SCHEMA ${id(SCHEMA)} TO ${id(ROLE)}`);
  await sql(`GRANT SELECT ON ${QT} TO ${id(ROLE)}`);
});

afterAll(async () => {
  await sql(`DROP PUBLICATION IF EXISTS ${id(PUB)}`);
  await sql(`DROP SCHEMA IF EXISTS ${id(SCHEMA)} CASCADE`);
  await sql(`DROP TABLE IF EXISTS public.${id(SENTINEL)}`);
  await sql(`DROP OWNED BY ${id(ROLE)}`).catch(() => undefined);
  await sql(`DROP ROLE IF EXISTS ${id(ROLE)}`);
});

describe("catalogs", () => {
  it("lists the OLTP schemas and tables with key, replica identity, estimate and size", async () => {
    const c = await getCatalog("oltp");
    expect(c.database.name).toBe("liga_sudoers");
    const pessoas = c.tables.find((t) => t.schema === "public" && t.name === "pessoas")!;
    expect(pessoas.primaryKey).toEqual(["id"]);
    expect(pessoas.sizeBytes).toBeGreaterThan(0);
    const odd = c.tables.find((t) => t.schema === SCHEMA && t.name === TABLE)!;
    expect(odd.primaryKey).toEqual(['id "k"']);
    expect(odd.estimatedRows).toBe(120);
    expect(odd.replicaIdentity).toBe("default");
    expect(c.schemas.find((s) => s.name === SCHEMA)?.tables).toBe(1);
    expect(c.schemas.map((s) => s.name)).not.toContain("pg_catalog");
  });

  it("reads the DW database too", async () => {
    const c = await getCatalog("dw");
    expect(c.database.name).toBe("liga_sudoers_dw");
    expect(c.tables.length).toBeGreaterThan(0);
  });

  it("shows columns, defaults and indexes of a table whose names hold quotes, spaces, unicode and SQL", async () => {
    const d = await getTableDetail("oltp", SCHEMA, TABLE);
    expect(d.columns.map((c) => [c.name, c.type, c.nullable, c.primaryKeyPosition])).toEqual([
      ['id "k"', "integer", false, 1],
      ["nome; DROP", "text", false, null],
      ["dados", "bytea", true, null],
    ]);
    expect(d.columns[1].default).toBe("'sem nome'::text");
    expect(d.indexes).toHaveLength(2);
    expect(d.indexes[0].primary).toBe(true);
    expect(d.indexes[1]).toMatchObject({ name: `idx ${RUN}`, unique: false, primary: false });
    expect(d.indexes[1].definition).toContain('("nome; DROP")');
  });

  it("pages the first rows read-only in key order, every value as text; counts exactly on demand", async () => {
    const p1 = await previewRows("oltp", SCHEMA, TABLE);
    expect(p1.rows).toHaveLength(50);
    expect(p1.hasMore).toBe(true);
    expect(p1.orderedBy).toEqual(['id "k"']);
    expect(p1.rows[0]).toEqual(["1", "pessoa 1", "\\xdeadbeef"]);
    const p3 = await previewRows("oltp", SCHEMA, TABLE, { offset: 100 });
    expect(p3.rows.map((r) => r[0])).toEqual(Array.from({ length: 20 }, (_, i) => String(101 + i)));
    expect(p3.hasMore).toBe(false);
    expect((await exactRowCount("oltp", SCHEMA, TABLE)).rows).toBe(120);
    // Nothing the names hold was executed.
    expect((await sql("SELECT count(*)::int AS n FROM public.pessoas")).rows[0].n).toBeGreaterThan(0);
    expect((await sql("SELECT to_regclass($1) AS t", [`public.${SENTINEL}`])).rows[0].t).not.toBeNull();
  });

  it("a name that does not exist is a 404 naming it, and an unknown database lists the configured ones", async () => {
    await expect(getTableDetail("oltp", "public", "pessoas; DROP TABLE pessoas")).rejects.toMatchObject({ code: "table_not_found", status: 404 });
    await expect(previewRows("oltp", SCHEMA, `${TABLE} `)).rejects.toMatchObject({ code: "table_not_found" });
    await expect(getCatalog("nope")).rejects.toMatchObject({ code: "database_not_found", message: expect.stringContaining("oltp (liga_sudoers)") });
  });
});

describe("replication", () => {
  it("publications with odd names: create, add, remove, drop — and the overview shows them", async () => {
    await createPublication("oltp", PUB, [{ schema: SCHEMA, table: TABLE }]);
    let o = await getReplicationOverview("oltp");
    let p = o.publications.find((x) => x.name === PUB)!;
    expect(p.tables).toEqual([{ schema: SCHEMA, name: TABLE }]);
    expect(p.operations).toEqual({ insert: true, update: true, delete: true, truncate: true });
    expect(p.allTables).toBe(false);
    await addTableToPublication("oltp", PUB, "public", SENTINEL);
    await expect(addTableToPublication("oltp", PUB, "public", SENTINEL)).rejects.toMatchObject({ code: "publication_has_table" });
    await removeTableFromPublication("oltp", PUB, SCHEMA, TABLE);
    o = await getReplicationOverview("oltp");
    p = o.publications.find((x) => x.name === PUB)!;
    expect(p.tables).toEqual([{ schema: "public", name: SENTINEL }]);
    await setReplicaIdentityFull("oltp", SCHEMA, TABLE);
    expect((await getCatalog("oltp")).tables.find((t) => t.name === TABLE)?.replicaIdentity).toBe("full");
    await dropPublication("oltp", PUB);
    await expect(dropPublication("oltp", PUB)).rejects.toMatchObject({ code: "publication_not_found" });
  });

  it("settings with what is in use, and roles with the tables they may SELECT", async () => {
    const o = await getReplicationOverview("oltp");
    expect(o.settings.map((s) => s.name)).toEqual(["wal_level", "max_replication_slots", "max_wal_senders", "max_slot_wal_keep_size", "wal_sender_timeout"]);
    expect(o.settings[0].value).toBe("logical");
    expect(o.settings[1].inUse).toBe((await sql("SELECT count(*)::int AS n FROM pg_replication_slots")).rows[0].n);
    const reader = o.roles.find((r) => r.name === ROLE)!;
    expect(reader).toMatchObject({ login: true, replication: false, superuser: false });
    expect(reader.selectableTables).toEqual([`${SCHEMA}.${TABLE}`]);
    expect(o.roles.find((r) => r.name === "sudoers")?.selectableTables).toBeNull();
  });
});
