// Failed sign-ins, counted per client address AND per account: at most PER_ADDRESS failures from one address
// and PER_USER failures for one account in WINDOW_MS, then 429 with Retry-After. Per account too, so that
// many addresses (or forged ones) cannot guess one password in parallel.
// In memory: one console process serves a classroom; a restart forgets (acceptable for a lab).
import "server-only";
const WINDOW_MS = 60_000;
const PER_ADDRESS = 5;
const PER_USER = 10;

const failures = new Map<string, number[]>();

const addressKey = (client: string) => `addr:${client}`;
const userKey = (user: string) => `user:${user.toLowerCase()}`;

function recent(key: string, now: number): number[] {
  const list = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length) failures.set(key, list);
  else failures.delete(key);
  return list;
}

function wait(key: string, limit: number, now: number): number {
  const list = recent(key, now);
  if (list.length < limit) return 0;
  return Math.max(1, Math.ceil((list[list.length - limit] + WINDOW_MS - now) / 1000));
}

/** Seconds to wait before the next attempt (for this address or this account), or 0 when it may try now. */
export function loginRetryAfter(client: string, user: string | null = null, now = Date.now()): number {
  return Math.max(wait(addressKey(client), PER_ADDRESS, now), user ? wait(userKey(user), PER_USER, now) : 0);
}

export function recordLoginFailure(client: string, user: string | null = null, now = Date.now()): void {
  failures.set(addressKey(client), [...recent(addressKey(client), now), now]);
  if (user) failures.set(userKey(user), [...recent(userKey(user), now), now].slice(-PER_USER));
}

export function clearLoginFailures(client: string, user: string | null = null): void {
  failures.delete(addressKey(client));
  if (user) failures.delete(userKey(user));
}
