// One-shot `console_migrate` service of docker/compose.yml: applies the console's SQL migrations
// (prisma/migrations, via prisma/migrate.ts, as `npm run lab:up` does) to PG_CONSOLE_DB, then exits.
// Runs with tsx in the console image's build stage, which has the sources and dev dependencies.
import { Client } from "pg";
import { applyMigrations } from "../../prisma/migrate";
import { resolveConfig } from "../../lib/config-core";

async function main(): Promise<void> {
  const pgc = resolveConfig(process.env).postgres;
  const client = new Client({
    host: pgc.host,
    port: pgc.port,
    user: pgc.user,
    password: pgc.password,
    database: pgc.consoleDatabase,
  });
  // postgres_oltp is healthy before this starts; still, allow a few seconds for a slow first start
  for (let attempt = 1; ; attempt++) {
    try {
      await client.connect();
      break;
    } catch (e) {
      if (attempt >= 10) throw e;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    const applied = await applyMigrations(client);
    console.log(applied.length ? `${pgc.consoleDatabase}: applied ${applied.join(", ")}` : `${pgc.consoleDatabase}: up to date`);
  } finally {
    await client.end();
  }
}

main().catch((e: unknown) => {
  console.error(`console_migrate: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
