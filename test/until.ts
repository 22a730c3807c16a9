// Polling for the integration tests against the real lab: what Debezium, Connect or Kafka do happens "soon".
import type pg from "pg";

/** Asks `fn` every 500 ms until it answers something truthy; a throw counts as "not yet" and is named on timeout. */
export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

type Sql = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;
const SLOT_ACTIVE = "SELECT active FROM pg_replication_slots WHERE slot_name = $1";

/** Waits until a connector holds its replication slot. */
export const slotActive = (sql: Sql, slot: string, timeoutMs: number) =>
  until(`slot ${slot} active`, async () => (await sql(SLOT_ACTIVE, [slot])).rows[0]?.active === true, timeoutMs);

/** Cleanup: once the (deleted) connector lets go of the slot, drops it; never throws. */
export async function dropSlotWhenReleased(sql: Sql, slot: string): Promise<void> {
  await until(`slot ${slot} released`, async () => !(await sql(SLOT_ACTIVE, [slot])).rows[0]?.active, 30_000).catch(() => undefined);
  await sql("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active", [slot]).catch(() => undefined);
}
