// The CDC doctor against the lab's REAL PostgreSQL and Kafka Connect: a working Debezium connector, then each
// classic mistake made on purpose — the doctor must find it with the right evidence, the safe fixes must repair
// it, and the doctor must then pass. Everything is named database_it_<run> / database-it-<run> and removed.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as connect from "../../connect/client";
import { config } from "../../config";
import { pool } from "../client";
import { applyFix } from "./fixes";
import { runDoctor } from "./gather";
import type { DoctorReport, Finding, RuleId } from "./shared/types";
import { debeziumConnection } from "../../../test/debezium";
import { dropSlotWhenReleased, slotActive, until } from "../../../test/until";

const RUN = Date.now().toString(36);
const ROLE = `database_it_role_${RUN}`;
const PW = `pw_${RUN}`;
const PUB = `database_it_pub_${RUN}`;
const SLOT = `database_it_slot_${RUN}`;
const SLOT_C = `database_it_slotc_${RUN}`;
const ORPHAN = `database_it_orphan_${RUN}`;
const T = `database_it_${RUN}_main`;
const T_NOPK = `database_it_${RUN}_nopk`;
const A = `database-it-a-${RUN}`;
const B = `database-it-b-${RUN}`;
const C = `database-it-c-${RUN}`;
const cluster = connect.resolveCluster("0");
const { escapeIdentifier: id } = pg;
const sql = (text: string, values: unknown[] = []) => pool("oltp").query(text, values);

function connectorConfig(over: Record<string, string> = {}): Record<string, string> {
  return {
    ...debeziumConnection(config(), ROLE, PW),
    // A regex: a new table named database_it_<run>_… is captured without a config change.
    "table.include.list": `public\\.database_it_${RUN}_.*`,
    "topic.prefix": `database_it_${RUN}`,
    "slot.name": SLOT,
    "publication.name": PUB,
    "publication.autocreate.mode": "disabled",
    "errors.max.retries": "0",
    ...over,
  };
}

const doctor = (name = A) => runDoctor("oltp", { connector: { cluster: "0", name }, options: { inactiveSlotWalBytes: 1 } });
const failed = (r: DoctorReport) => r.rules.filter((x) => x.status === "fail").map((x) => x.id);
const findings = (r: DoctorReport, rule: RuleId): Finding[] => r.rules.find((x) => x.id === rule)!.findings;



beforeAll(async () => {
  await sql(`CREATE ROLE ${id(ROLE)} LOGIN REPLICATION PASSWORD '${PW}'`);
  await sql(`CREATE TABLE public.${id(T)} (id int PRIMARY KEY, nome text)`);
  await sql(`ALTER TABLE public.${id(T)} REPLICA IDENTITY FULL`);
  await sql(`INSERT INTO public.${id(T)} SELECT g, 'n' || g FROM generate_series(1, 5) g`);
  await sql(`GRANT SELECT ON public.${id(T)} TO ${id(ROLE)}`);
  await sql(`CREATE PUBLICATION ${id(PUB)} FOR TABLE public.${id(T)}`);
  await connect.putConnectorConfig(cluster, A, connectorConfig());
  await slotActive(sql, SLOT, 90_000);
});

afterAll(async () => {
  for (const n of [A, B, C]) await connect.deleteConnector(cluster, n).catch(() => undefined);
  for (const s of [SLOT, SLOT_C, ORPHAN]) {
    await dropSlotWhenReleased(sql, s);
  }
  await sql(`DROP PUBLICATION IF EXISTS ${id(PUB)}`);
  await sql(`DROP TABLE IF EXISTS public.${id(T)}, public.${id(T_NOPK)}`);
  await sql(`DROP OWNED BY ${id(ROLE)}`).catch(() => undefined);
  await sql(`DROP ROLE IF EXISTS ${id(ROLE)}`);
});

describe("the CDC doctor on the real lab", () => {
  it("a correctly set-up connector passes", async () => {
    const r = await doctor();
    expect(failed(r)).toEqual([]);
    expect(r.connectors.find((c) => c.name === A)?.registered).toBe(true);
    expect(r.rules.length).toBeGreaterThanOrEqual(19);
  });

  it("drop the publication → publication_missing with the query as evidence; the fix creates it for the captured table", async () => {
    await sql(`DROP PUBLICATION ${id(PUB)}`);
    const r = await doctor();
    const [x] = findings(r, "publication_missing");
    expect(x.evidence[0]).toEqual({ source: `SELECT 1 FROM pg_publication WHERE pubname = '${PUB}'`, value: "(no row)" });
    expect(x.evidence[1].value).toContain("publication.autocreate.mode=disabled");
    expect(x.action).toEqual({ type: "create_publication", database: "oltp", publication: PUB, tables: [{ schema: "public", table: T }] });
    await applyFix(x.action!);
    const tables = await sql("SELECT tablename FROM pg_publication_tables WHERE pubname = $1", [PUB]);
    expect(tables.rows.map((t) => t.tablename)).toEqual([T]);
    expect(failed(await doctor())).toEqual([]);
  });

  it("a captured table without primary key → no-PK and missing-from-publication findings; both fixes repair it", async () => {
    await sql(`CREATE TABLE public.${id(T_NOPK)} (x text)`);
    await sql(`GRANT SELECT ON public.${id(T_NOPK)} TO ${id(ROLE)}`);
    const r = await doctor();
    expect(failed(r).sort()).toEqual(["publication_missing_table", "table_no_primary_key"]);
    const [nopk] = findings(r, "table_no_primary_key");
    expect(nopk.subject).toBe(`public.${T_NOPK}`);
    expect(nopk.evidence[0].value).toBe("no primary key, REPLICA IDENTITY DEFAULT");
    const [missing] = findings(r, "publication_missing_table");
    expect(missing.evidence[0].value).toBe(`public.${T}`);
    await applyFix(nopk.action!);
    await applyFix(missing.action!);
    expect((await sql("SELECT relreplident FROM pg_class WHERE oid = $1::regclass", [`public.${T_NOPK}`])).rows[0].relreplident).toBe("f");
    // With REPLICA IDENTITY FULL, an UPDATE on a published table without a key works.
    await sql(`INSERT INTO public.${id(T_NOPK)} VALUES ('a')`);
    await sql(`UPDATE public.${id(T_NOPK)} SET x = 'b'`);
    expect(failed(await doctor())).toEqual([]);
  });

  it("an inactive slot holding WAL → found with its retained bytes; the fix drops it", async () => {
    await sql("SELECT pg_create_logical_replication_slot($1, 'pgoutput')", [ORPHAN]);
    await sql(`INSERT INTO public.${id(T)} SELECT g, repeat('x', 200) FROM generate_series(100, 2100) g`);
    const r = await doctor();
    const x = findings(r, "slot_inactive_retaining").find((f) => f.subject === ORPHAN)!;
    expect(x).toBeDefined();
    const retained = Number(/retained=(\d+) bytes/.exec(x.evidence[0].value)?.[1]);
    expect(retained).toBeGreaterThan(0);
    expect(x.params.users).toBe("no connector uses it");
    await applyFix(x.action!);
    expect((await sql("SELECT 1 FROM pg_replication_slots WHERE slot_name = $1", [ORPHAN])).rowCount).toBe(0);
    expect(findings(await doctor(), "slot_inactive_retaining").map((f) => f.subject)).not.toContain(ORPHAN);
  });

  it("a role without REPLICATION → role_replication naming the user (no button: it is a privilege change)", async () => {
    await sql(`ALTER ROLE ${id(ROLE)} NOREPLICATION`);
    try {
      const r = await doctor();
      const [x] = findings(r, "role_replication");
      expect(x.params.user).toBe(ROLE);
      expect(x.evidence[0].value).toBe("rolreplication=false, rolsuper=false");
      expect(x.action).toBeNull();
    } finally {
      await sql(`ALTER ROLE ${id(ROLE)} REPLICATION`);
    }
    expect(failed(await doctor())).toEqual([]);
  });

  it("SELECT revoked on a captured table → role_select; the GRANT fix repairs it", async () => {
    await sql(`REVOKE SELECT ON public.${id(T)} FROM ${id(ROLE)}`);
    const [x] = findings(await doctor(), "role_select");
    expect(x.subject).toBe(`public.${T}`);
    await applyFix(x.action!);
    expect((await sql("SELECT has_table_privilege($1, $2, 'SELECT') AS ok", [ROLE, `public.${T}`])).rows[0].ok).toBe(true);
    expect(failed(await doctor())).toEqual([]);
  });

  it("a second connector on the same slot → slot_shared naming both, with each connector's config as evidence", async () => {
    await connect.putConnectorConfig(cluster, B, connectorConfig({ "topic.prefix": `database_it_b_${RUN}` }));
    try {
      // Connect lists a connector a moment after accepting its config.
      const r = await until("B listed by Connect", () => doctor(B).catch(() => null));
      const x = findings(r, "slot_shared").find((f) => f.subject === SLOT)!;
      expect(x.params.connectors).toBe([A, B].sort().join(", "));
      expect(x.evidence.map((e) => e.value)).toEqual([`slot.name=${SLOT}`, `slot.name=${SLOT}`]);
    } finally {
      await connect.deleteConnector(cluster, B);
    }
  });

  it("plugin.name=decoderbufs → plugin rule and, once the task FAILED, the real trace mapped to its cause; the fix switches to pgoutput", async () => {
    await connect.putConnectorConfig(cluster, C, connectorConfig({ "plugin.name": "decoderbufs", "slot.name": SLOT_C, "topic.prefix": `database_it_c_${RUN}` }));
    const r = await until("C's task FAILED and seen by the doctor", async () => {
      const x = await doctor(C);
      return findings(x, "task_failed").length ? x : null;
    });
    expect(findings(r, "plugin_decoderbufs")[0].params.plugin).toBe("decoderbufs");
    const [trace] = findings(r, "task_failed");
    expect(trace.cause).toBe("plugin_missing");
    expect(trace.evidence[0].value).toMatch(/decoderbufs/);
    expect(trace.action).toEqual({ type: "set_plugin_pgoutput", cluster: "0", connector: C });
    await applyFix(trace.action!);
    expect((await connect.getConnectorConfig(cluster, C))["plugin.name"]).toBe("pgoutput");
    // Connect restarts the task with the new config; then it streams from its own slot.
    await slotActive(sql, SLOT_C, 90_000);
    const after = await until("C RUNNING in the doctor", async () => {
      const x = await doctor(C);
      return x.connectors.find((c) => c.name === C)?.state === "RUNNING" && !findings(x, "task_failed").length ? x : null;
    });
    expect(failed(after)).toEqual([]);
  });

  it("a fix whose target no longer exists says so and changes nothing", async () => {
    const before = await sql("SELECT count(*)::int AS n FROM pg_publication_tables WHERE pubname = $1", [PUB]);
    await expect(applyFix({ type: "add_table_to_publication", database: "oltp", publication: PUB, schema: "public", table: `gone_${RUN}` })).rejects.toMatchObject({ code: "table_not_found", status: 404 });
    await expect(applyFix({ type: "create_publication", database: "oltp", publication: `database_it_new_${RUN}`, tables: [{ schema: "public", table: T }, { schema: "public", table: `gone_${RUN}` }] })).rejects.toMatchObject({ code: "table_not_found" });
    await expect(applyFix({ type: "drop_slot", database: "oltp", slot: `gone_${RUN}` })).rejects.toMatchObject({ code: "slot_not_found" });
    await expect(applyFix({ type: "drop_slot", database: "oltp", slot: SLOT })).rejects.toMatchObject({ code: "slot_active", status: 409 });
    expect((await sql("SELECT 1 FROM pg_publication WHERE pubname = $1", [`database_it_new_${RUN}`])).rowCount).toBe(0);
    expect((await sql("SELECT count(*)::int AS n FROM pg_publication_tables WHERE pubname = $1", [PUB])).rows[0].n).toBe(before.rows[0].n);
  });
});
