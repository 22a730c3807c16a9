// The data generators from the command line, for scripts and CI; the same code as the console's buttons.
//   npm run gen -- historical --orders 1000000 --seed 42
//   npm run gen -- streaming --rate 20 --duration 60
//   npm run gen -- cdc --rate 0.5 --operations 30 --scope own
// Ctrl+C stops after the batches in flight commit (a second Ctrl+C quits at once).
import { userInfo } from "node:os";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { z } from "zod";
import { readLabEndpoints, resolveConfig } from "../lib/config-core";
import { PrismaClient } from "../lib/generated/prisma/client";
import { parseArgs, UsageError, USAGE } from "../lib/generators/cli-args";
import { startParams, type StartInput } from "../lib/generators/shared/params";
import { describeFailure, startRun } from "../lib/generators/run/runner";
import { RunStore } from "../lib/generators/run/run-store";
import type { RunSnapshot } from "../lib/generators/shared/types";

function line(run: RunSnapshot): string {
  const c = run.counts;
  const n = (x: number) => x.toLocaleString("en-US");
  const target = run.target ? `/${n(run.target)}` : "";
  const rows =
    run.generator === "cdc"
      ? `pessoas +${n(c.pessoas)} ~${n(c.pessoasUpdated)} -${n(c.pessoasDeleted)}`
      : `${run.generator === "streaming" ? `pessoas ${n(c.pessoas)} · ` : ""}pedidos ${n(c.pedidos)} · itens ${n(c.itensPedidos)} · auditoria ${n(c.auditoriaPedidos)} · fraud ${n(c.fraud)}`;
  return `[${run.generator} #${run.id} ${run.status}] ${n(c.events)}${target} events · ${n(Math.round(run.currentRate))}/s now · ${n(Math.round(run.averageRate))}/s avg · ${rows} · errors ${c.errors}`;
}

async function main(): Promise<number> {
  let args: { input: StartInput; quiet: boolean };
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) console.error(`gen: ${e.message}`);
      console.error(USAGE);
      return 2;
    }
    throw e;
  }
  const parsed = startParams.safeParse(args.input);
  if (!parsed.success) {
    console.error(`gen: invalid options — ${z.prettifyError(parsed.error)}`);
    console.error(USAGE);
    return 2;
  }

  const cfg = resolveConfig(process.env, readLabEndpoints()).postgres;
  const oltp = new pg.Pool({ host: cfg.host, port: cfg.port, user: cfg.user, password: cfg.password, database: cfg.oltpDatabase, application_name: "lab-console-gen", max: 6 });
  oltp.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ host: cfg.host, port: cfg.port, user: cfg.user, password: cfg.password, database: cfg.consoleDatabase, max: 2 }, { onPoolError: () => undefined, onConnectionError: () => undefined }) });
  try {
    const run = await startRun({ params: parsed.data, store: new RunStore(prisma, oltp), pool: oltp, startedBy: `cli:${userInfo().username}` });
    console.log(`gen: ${run.generator} run #${run.id} started with seed ${run.params.seed} (${JSON.stringify(run.params)})`);
    let interrupts = 0;
    process.on("SIGINT", () => {
      interrupts += 1;
      if (interrupts > 1) process.exit(130);
      console.log("gen: stopping after the batches in flight (Ctrl+C again to quit now)…");
      run.stop();
    });
    const ticker = args.quiet ? null : setInterval(() => console.log(line(run.snapshot())), 1000);
    const final = await run.done;
    if (ticker) clearInterval(ticker);
    console.log(line(final));
    if (final.error) console.log(`gen: ${final.status === "failed" ? "failed" : "last error"}: ${final.error}`);
    return final.status === "failed" ? 1 : 0;
  } catch (e) {
    console.error(`gen: ${describeFailure(e)}`);
    return 1;
  } finally {
    await Promise.allSettled([oltp.end(), prisma.$disconnect()]);
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
