// The workers of one Connect cluster as the console shows them: each configured worker (CONNECT_URLS "a|b"),
// whether it answers, and what it runs. Pure; the listing (connectors.ts) feeds it. Unit-tested in workers.test.ts.
import "server-only";
import type { ConnectorSummary, WorkerView } from "./shared/types";

/** Connect names a worker host:port (its rest.advertised.host.name and port). */
export function workerIdOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || (u.protocol === "https:" ? "443" : "80")}`;
  } catch {
    return url;
  }
}

/**
 * One row per configured worker, plus any worker that runs something without being configured (a worker added
 * to the group): up when it answered, with the connectors and tasks Connect says it runs.
 */
export function workerViews(urls: string[], answered: boolean[], connectors: ConnectorSummary[]): WorkerView[] {
  const rows = new Map<string, WorkerView>();
  urls.forEach((url, i) => rows.set(workerIdOf(url), { id: workerIdOf(url), url, up: answered[i] ?? false, connectors: 0, tasks: [] }));
  const row = (id: string) => {
    if (!rows.has(id)) rows.set(id, { id, url: null, up: true, connectors: 0, tasks: [] });
    return rows.get(id)!;
  };
  for (const c of connectors) {
    if (c.workerId) row(c.workerId).connectors++;
    for (const t of c.tasks) if (t.workerId) row(t.workerId).tasks.push(`${c.name}-${t.id}`);
  }
  return [...rows.values()];
}
