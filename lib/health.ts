import "server-only";
import { probeConnect } from "./connect/probe";
import type { LabHealth } from "./shared/health-types";
import { probeKafka } from "./kafka/probe";
import { probePostgres } from "./pg/probe";
import { probeS3 } from "./s3/probe";

export type { LabHealth } from "./shared/health-types";

// Many viewers poll /api/health every 2 s: run at most one probe round at a time and reuse a result
// younger than CACHE_MS, so a room of forty browsers costs the lab one probe per service per second.
const CACHE_MS = 1000;
let last: { at: number; report: LabHealth } | undefined;
let inflight: Promise<LabHealth> | undefined;

async function probeAll(): Promise<LabHealth> {
  const services = await Promise.all([probePostgres("postgresOltp", "oltp"), probePostgres("postgresDw", "dw"), probeKafka(), probeConnect(), probeS3()]);
  return { ok: services.every((s) => s.up), checkedAt: new Date().toISOString(), services };
}

export async function getLabHealth(): Promise<LabHealth> {
  if (last && Date.now() - last.at < CACHE_MS) return last.report;
  inflight ??= probeAll()
    .then((report) => {
      last = { at: Date.now(), report };
      return report;
    })
    .finally(() => {
      inflight = undefined;
    });
  return inflight;
}
