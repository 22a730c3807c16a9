// Generator runs through PostgreSQL outages and a killed process (vitest project "faults": it stops the lab's
// PostgreSQL, which the console's own database shares). What a user notices: the stored run says what really
// happened (failed, with PostgreSQL's cause), and its counts are the orders that are really there, each whole.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { connectionOptions } from "../pg/client";
import { printRecoveryTable, recordRecovery, until, withOutage } from "../../test/faults";
import { startParams } from "./shared/params";
import { RunStore } from "./run/run-store";
import { startRun } from "./run/runner";
import type { IdRange } from "./run/sql";
import type { RunCounts } from "./shared/types";

let oltp: pg.Pool;
beforeAll(() => {
  oltp = new pg.Pool({ ...connectionOptions("oltp"), max: 4 });
  oltp.on("error", () => undefined); // the outage ends idle connections
});
afterAll(async () => {
  printRecoveryTable();
  await oltp.end();
});

/** The orders a run wrote, read back from its stored id ranges: how many, and how many are not whole. */
async function ordersOfRun(id: bigint) {
  const row = await db().generatorRun.findUniqueOrThrow({ where: { id } });
  const ranges = row.pedidosRanges as IdRange[];
  const res = await oltp.query<{ orders: number; broken: number }>(
    `WITH p AS (SELECT p.id FROM pedidos p JOIN unnest($1::int[], $2::int[]) r(lo, hi) ON p.id BETWEEN r.lo AND r.hi)
     SELECT count(*)::int AS orders,
            count(*) FILTER (WHERE (SELECT count(*) FROM itens_pedidos i WHERE i.id_pedido = p.id) = 0
                                OR (SELECT count(*) FROM auditoria_pedidos a WHERE a.id_pedido = p.id) <> 1)::int AS broken
     FROM p`,
    [ranges.map((r) => r[0]), ranges.map((r) => r[1])],
  );
  return { row, counts: row.counts as unknown as RunCounts, ...res.rows[0]! };
}

describe("a generator run and PostgreSQL going down", () => {
  it("is stored as failed with PostgreSQL's cause once the database is back, with the orders it committed", async () => {
    const store = new RunStore(db(), oltp);
    const run = await startRun({
      params: startParams.parse({ generator: "historical", orders: 1_000_000, rate: 3_000, batchSize: 500, seed: 1201 }),
      store,
      pool: oltp,
      startedBy: "fault-test",
    });
    await withOutage("postgres", async ({ stop, restore }) => {
      await until("the run to commit orders", () => run.progress.counts.pedidos >= 1_500, 30_000);
      await stop();
      // the run gives up after its retries, while the database (and the console's own) is down
      const failed = await until("the run to fail", () => (run.snapshot().status === "failed" ? run.snapshot() : null), 30_000);
      expect(failed.error).toMatch(/PostgreSQL/);
      const back = await restore();
      const final = await run.done;
      recordRecovery("postgres", "generator run stored as failed", performance.now() - back);
      expect(final.status).toBe("failed");
    });
    const { row, counts, orders, broken } = await ordersOfRun(run.id);
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/PostgreSQL.*(unreachable|ECONNREFUSED|57P0\d|terminating|shutting down|connection)/is);
    expect(counts.pedidos).toBe(orders);
    expect(broken).toBe(0);
  });

  it("recovers a run whose process was killed at once, counted from the orders it committed", async () => {
    const root = path.join(import.meta.dirname, "../..");
    const child = spawn("npx", ["tsx", "--conditions=react-server", "scripts/gen.ts", "historical", "--orders", "2000000", "--rate", "20000", "--batch", "2000", "--seed", "1202", "--quiet"], {
      cwd: root,
      env: { ...process.env, NODE_NO_WARNINGS: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group: npx, tsx and node die together
    });
    let out = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString()));
    child.stderr.on("data", (b: Buffer) => (out += b.toString()));
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    try {
      const id = await until("the CLI's run to start", () => /run #(\d+) started/.exec(out)?.[1], 60_000);
      await until("the run to commit orders", async () => ((await db().generatorRun.findUniqueOrThrow({ where: { id: BigInt(id) } })).counts as unknown as RunCounts).pedidos >= 10_000, 60_000);
      process.kill(-child.pid!, "SIGKILL");
      await exited;
      const beforeRecovery = await ordersOfRun(BigInt(id));
      expect(beforeRecovery.row.status).toBe("running");

      // the next console start (or any process that looks) sees the owner is gone: no 15 s wait
      const t0 = performance.now();
      expect(await new RunStore(db(), oltp).sweepStale()).toBeGreaterThanOrEqual(1);
      recordRecovery("console SIGKILL", "run recovered with counts from the database", performance.now() - t0);
      const { row, counts, orders, broken } = await ordersOfRun(BigInt(id));
      expect(row.status).toBe("interrupted");
      expect(orders).toBeGreaterThanOrEqual(beforeRecovery.counts.pedidos);
      expect(counts.pedidos).toBe(orders);
      expect(counts.events).toBe(orders);
      expect(broken).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
    }
  });
});
