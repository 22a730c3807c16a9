// Applies prisma/migrations/<name>/migration.sql in name order, each once, each in its own transaction.
// Prisma's own `migrate` needs an engine these machines cannot download, so the project runs its SQL itself.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Client } from "pg";

export const MIGRATIONS_DIR = path.join(__dirname, "migrations");

export function migrationNames(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

/** Returns the names applied by this call (empty when the database was already current). */
export async function applyMigrations(client: Client, dir = MIGRATIONS_DIR): Promise<string[]> {
  await client.query(`CREATE TABLE IF NOT EXISTS "_console_migrations" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
  // One runner at a time (lab:up and a test run may race).
  await client.query("SELECT pg_advisory_lock(724001)");
  try {
    const done = new Set((await client.query<{ name: string }>(`SELECT name FROM "_console_migrations"`)).rows.map((r) => r.name));
    const applied: string[] = [];
    for (const name of migrationNames(dir)) {
      if (done.has(name)) continue;
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(`INSERT INTO "_console_migrations" (name) VALUES ($1)`, [name]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${(e as Error).message}`);
      }
      applied.push(name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock(724001)");
  }
}
