import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { connectionOptions } from "../lib/pg/client";
import { applyMigrations, migrationNames } from "./migrate";

// The SQL migrations and schema.prisma are written by hand (no Prisma migrate engine here):
// these tests fail when the two drift apart.
describe("console database (lab_console)", () => {
  afterAll(async () => db().$disconnect());

  it("has every migration applied, and applying again changes nothing", async () => {
    const client = new pg.Client(connectionOptions("console"));
    await client.connect();
    try {
      expect(await applyMigrations(client)).toEqual([]);
      const rows = (await client.query<{ name: string }>(`SELECT name FROM "_console_migrations" ORDER BY name`)).rows.map((r) => r.name);
      expect(rows).toEqual(migrationNames());
    } finally {
      await client.end();
    }
  });

  it("round-trips every model of schema.prisma through the Prisma client", async () => {
    const prisma = db();
    const audit = await prisma.auditEntry.create({
      data: { actor: "schema-test", role: "operator", clientIp: "127.0.0.1", action: "test.roundtrip", target: "x", params: { a: 1 }, outcome: "ok", durationMs: 3 },
    });
    expect(audit.id).toBeTypeOf("bigint");
    expect(audit.at).toBeInstanceOf(Date);
    const run = await prisma.generatorRun.create({ data: { generator: "historical", status: "finished", params: { orders: 1 }, counts: { pedidos: 1 }, endedAt: new Date() } });
    expect(run.counts).toEqual({ pedidos: 1 });
    const secret = await prisma.consoleSecret.create({ data: { name: "schema-test", value: "x" } });
    expect(secret.createdAt).toBeInstanceOf(Date);
    const revoked = await prisma.revokedSession.create({ data: { id: "schema-test-sid", expiresAt: new Date(Date.now() + 1000) } });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    await prisma.consoleSecret.delete({ where: { name: "schema-test" } });
    await prisma.revokedSession.delete({ where: { id: "schema-test-sid" } });
    const saved = await prisma.sqlSavedQuery.create({ data: { owner: "schema-test", title: "t", sql: "SELECT 1", target: "lake", tables: [{ kind: "lake", name: "t" }] } });
    expect(saved.tables).toEqual([{ kind: "lake", name: "t" }]);
    expect(saved.updatedAt).toBeInstanceOf(Date);
    await prisma.sqlSavedQuery.delete({ where: { id: saved.id } });
    const trace = await prisma.pipelineTrace.create({
      data: { marker: "schema-test-marker", cluster: "0", connector: "c", schemaName: "public", tableName: "t", topic: "p.public.t", status: "completed", hops: { commit: { txid: "1" } }, failureParams: { a: 1 }, eventTimeoutMs: 30_000, objectTimeoutMs: 60_000, endedAt: new Date() },
    });
    expect(trace.hops).toEqual({ commit: { txid: "1" } });
    expect(trace.startedAt).toBeInstanceOf(Date);
    await prisma.pipelineTrace.delete({ where: { id: trace.id } });
    await prisma.auditEntry.delete({ where: { id: audit.id } });
    await prisma.generatorRun.delete({ where: { id: run.id } });
  });
});
