// Login attempts per client: at most LIMIT failures in WINDOW_MS, then 429 with Retry-After.
// In memory: one console process serves a classroom; a restart forgets (acceptable for a lab).
const WINDOW_MS = 60_000;
const LIMIT = 5;

const failures = new Map<string, number[]>();

function recent(client: string, now: number): number[] {
  const list = (failures.get(client) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length) failures.set(client, list);
  else failures.delete(client);
  return list;
}

/** Seconds to wait before the next attempt, or 0 when the client may try now. */
export function loginRetryAfter(client: string, now = Date.now()): number {
  const list = recent(client, now);
  if (list.length < LIMIT) return 0;
  return Math.max(1, Math.ceil((list[0] + WINDOW_MS - now) / 1000));
}

export function recordLoginFailure(client: string, now = Date.now()): void {
  failures.set(client, [...recent(client, now), now]);
}

export function clearLoginFailures(client: string): void {
  failures.delete(client);
}
