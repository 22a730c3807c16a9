// The CLI's arguments (scripts/gen.ts): `<generator> [--option value]…` into a start request (pure).
import "server-only";
import { GENERATOR_KINDS, type StartInput } from "./shared/params";

export const USAGE = `usage: npm run gen -- <${GENERATOR_KINDS.join("|")}> [options]
  --orders N          orders to add (historical: default 100000; streaming: default no limit)
  --operations N      cdc: operations to run (default no limit)
  --rate R|max        events per second (historical default max, streaming 2, cdc 0.25)
  --fraud-share F     share of fraudulent orders, 0..1 (historical 0.01, streaming 0.05)
  --duration S        stop after S seconds
  --batch N           most orders per transaction (historical 5000, streaming 500)
  --connections N     historical: parallel connections (default 2)
  --scope all|own     cdc: update/delete anyone, or only people this run inserted (default all)
  --seed N            make the run reproducible (default: drawn, and printed)
  --quiet             print only the final line`;

const FLAGS: Record<string, string> = {
  "--orders": "orders",
  "--operations": "operations",
  "--rate": "rate",
  "--fraud-share": "fraudShare",
  "--duration": "durationS",
  "--batch": "batchSize",
  "--connections": "connections",
  "--scope": "scope",
  "--seed": "seed",
};

export function parseArgs(argv: string[]): { input: StartInput; quiet: boolean } {
  const [generator, ...rest] = argv;
  if (!generator || generator === "--help" || generator === "-h") throw new UsageError("");
  const input: Record<string, unknown> = { generator };
  let quiet = false;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    if (flag === "--quiet") {
      quiet = true;
      continue;
    }
    const key = FLAGS[flag];
    const value = rest[i + 1];
    if (!key || value === undefined) throw new UsageError(key ? `${flag} needs a value` : `unknown option ${flag}`);
    i += 1;
    if (key === "scope") input[key] = value;
    else if (key === "rate" && value === "max") input[key] = null;
    else input[key] = Number(value);
  }
  return { input: input as StartInput, quiet };
}

export class UsageError extends Error {}

