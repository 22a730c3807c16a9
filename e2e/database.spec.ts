import { expect, test } from "@playwright/test";
import pg from "pg";
import { CONNECT_URL, debeziumConnection, dropReleasedSlot, withOltp } from "./support/lab";

// A person opens the CDC doctor for a Debezium connector whose captured table has no primary key, next to an
// orphaned slot holding WAL: each problem shows with its evidence, one confirmed click fixes it and the doctor runs
// again until all is good. Then the catalog shows (and pages) a table whose name holds quotes, spaces and SQL.
// Everything is named e2e_database_<run> and removed at the end.
const RUN = Date.now().toString(36);
const TABLE = `e2e_database_${RUN}`;
const ODD = `e2e db "ünï" ${RUN}; DROP TABLE pessoas`;
const SLOT = `e2e_database_slot_${RUN}`;
const ORPHAN = `e2e_database_orphan_${RUN}`;
const PUB = `e2e_database_pub_${RUN}`;
const CONNECTOR = `e2e-database-${RUN}`;
const { escapeIdentifier: id } = pg;

/** Registers a Debezium source of public.<table> on its own slot and publication; `over` adds the test's own keys. */
async function registerSource(name: string, on: { table: string; prefix: string; slot: string; publication: string }, over: Record<string, string>) {
  const res = await fetch(`${CONNECT_URL}/connectors/${name}/config`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      ...debeziumConnection(),
      "table.include.list": `public.${on.table}`,
      "topic.prefix": on.prefix,
      "slot.name": on.slot,
      "publication.name": on.publication,
      ...over,
    }),
  });
  expect(res.ok).toBe(true);
}

test.beforeAll(async () => {
  await withOltp(async (c) => {
    await c.query(`CREATE TABLE public.${id(TABLE)} (x text)`);
    await c.query(`CREATE TABLE public.${id(ODD)} ("quem ""é""" int PRIMARY KEY, nome text)`);
    await c.query(`INSERT INTO public.${id(ODD)} SELECT g, 'linha ' || g FROM generate_series(1, 60) g`);
    await c.query("SELECT pg_create_logical_replication_slot($1, 'pgoutput')", [ORPHAN]);
  });
  await registerSource(CONNECTOR, { table: TABLE, prefix: `e2e_database_${RUN}`, slot: SLOT, publication: PUB }, { "publication.autocreate.mode": "filtered" });
});

test.afterAll(async () => {
  await fetch(`${CONNECT_URL}/connectors/${CONNECTOR}`, { method: "DELETE" }).catch(() => undefined);
  await withOltp(async (c) => {
    await dropReleasedSlot(c, SLOT);
    await dropReleasedSlot(c, ORPHAN);
    await c.query(`DROP PUBLICATION IF EXISTS ${id(PUB)}`);
    await c.query(`DROP TABLE IF EXISTS public.${id(TABLE)}, public.${id(ODD)}`);
  });
});

test("the doctor finds a table without primary key and an orphaned slot, and one confirmed click fixes each", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/database?tab=doctor&cluster=0&connector=${encodeURIComponent(CONNECTOR)}`);
  const doctor = page.getByTestId("database-doctor");
  // Connect lists the connector a moment after accepting it: run the doctor again until it does.
  await expect(async () => {
    await page.reload();
    await expect(doctor.locator('[data-rule="table_no_primary_key"]')).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 60_000 });

  const nopk = doctor.locator('[data-rule="table_no_primary_key"]');
  await expect(nopk).toContainText(`public.${TABLE} has no primary key`);
  await expect(nopk).toContainText("no primary key, REPLICA IDENTITY DEFAULT");
  await nopk.getByRole("button", { name: /REPLICA IDENTITY FULL/ }).click();
  const confirm = page.getByTestId("database-fix-confirm");
  await expect(confirm).toContainText(`public.${TABLE}`);
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Fixed" })).toContainText("REPLICA IDENTITY FULL");
  await expect(doctor.locator('[data-rule="table_no_primary_key"]')).toHaveCount(0);

  const orphan = doctor.locator('[data-rule="slot_inactive_retaining"]').filter({ hasText: ORPHAN });
  await expect(orphan).toContainText("no connector uses it");
  await orphan.getByRole("button", { name: /Drop the inactive slot/ }).click();
  await page.getByTestId("database-fix-confirm").getByRole("button", { name: "Confirm" }).click();
  await expect(doctor.locator('[data-rule="slot_inactive_retaining"]').filter({ hasText: ORPHAN })).toHaveCount(0);
  const gone = await withOltp((c) => c.query("SELECT 1 FROM pg_replication_slots WHERE slot_name = $1", [ORPHAN]));
  expect(gone.rowCount).toBe(0);
  const identity = await withOltp((c) => c.query("SELECT relreplident FROM pg_class WHERE oid = $1::regclass", [`public.${TABLE}`]));
  expect(identity.rows[0].relreplident).toBe("f");
});

test("the catalog shows and pages a table whose name holds quotes, spaces, unicode and SQL", async ({ page }) => {
  await page.goto("/database");
  await page.getByLabel("Filter tables").fill("ünï");
  const row = page.getByTestId("database-tables").locator("tr", { hasText: ODD });
  await expect(row).toContainText('quem "é"');
  await row.getByRole("link").click();
  const panel = page.getByTestId("database-table-panel");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(`public.${ODD}`);
  await expect(panel.getByTestId("database-rows")).toContainText("linha 1");
  await panel.getByRole("button", { name: "Next" }).click();
  await expect(panel).toContainText("Rows 51–60");
  await expect(panel.getByTestId("database-rows")).toContainText("linha 60");
  await panel.getByRole("button", { name: "Load the exact count" }).click();
  await expect(panel.getByTestId("database-exact-count")).toHaveText("60 rows (exact count)");
  // Nothing in the name was executed.
  const pessoas = await withOltp((c) => c.query("SELECT to_regclass('public.pessoas') IS NOT NULL AS ok"));
  expect(pessoas.rows[0].ok).toBe(true);
});

test("from a connector's doctor: prepare signals with one confirmed click, start an incremental snapshot and watch it complete with the row count", async ({ page }) => {
  test.setTimeout(150_000);
  const name = `e2e-database-snap-${RUN}`;
  const slot = `e2e_database_snap_${RUN}`;
  const pub = `e2e_database_snap_pub_${RUN}`;
  const signal = `e2e_database_signal_${RUN}`;
  const table = `e2e_database_snapt_${RUN}`;
  await withOltp(async (c) => {
    await c.query(`CREATE TABLE public.${id(table)} (id int PRIMARY KEY, nome text)`);
    await c.query(`INSERT INTO public.${id(table)} SELECT g, 'p' || g FROM generate_series(1, 25) g`);
    await c.query(`CREATE PUBLICATION ${id(pub)} FOR TABLE public.${id(table)}`);
  });
  await registerSource(name, { table, prefix: `e2e_database_snap_${RUN}`, slot, publication: pub }, {
    "publication.autocreate.mode": "disabled",
    "snapshot.mode": "no_data",
    "signal.data.collection": `public.${signal}`,
  });
  try {
    await page.goto(`/database?tab=doctor&cluster=0&connector=${encodeURIComponent(name)}`);
    const panel = page.getByTestId("database-snapshots");
    await expect(async () => {
      await page.reload();
      await expect(panel.getByRole("button", { name: /Prepare/ })).toBeVisible({ timeout: 3000 });
    }).toPass({ timeout: 60_000 });
    await expect(panel).toContainText("signal_table, signal_in_publication, notifications_config");
    await panel.getByRole("button", { name: /Prepare/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
    await expect(panel.getByRole("status")).toContainText(`CREATE TABLE "public".${id(signal)}`);
    await expect(panel.getByRole("button", { name: "Start snapshot" })).toBeVisible();
    // Connect restarts the connector with notifications on; wait until its task streams again.
    await expect(async () => {
      const active = await withOltp((c) => c.query("SELECT active FROM pg_replication_slots WHERE slot_name = $1", [slot]));
      expect(active.rows[0]?.active).toBe(true);
    }).toPass({ timeout: 60_000 });
    await panel.getByRole("button", { name: "Start snapshot" }).click();
    await expect(panel.getByRole("status").filter({ hasText: /^Signal \S+ sent/ })).toBeVisible();
    await expect(panel.locator('[data-state="COMPLETED"]')).toContainText(`public.${table}: 25 rows (SUCCEEDED)`, { timeout: 60_000 });
  } finally {
    await fetch(`${CONNECT_URL}/connectors/${name}`, { method: "DELETE" }).catch(() => undefined);
    await withOltp(async (c) => {
      await dropReleasedSlot(c, slot);
      await c.query(`DROP PUBLICATION IF EXISTS ${id(pub)}`);
      await c.query(`DROP TABLE IF EXISTS public.${id(table)}, public.${id(signal)}`);
    });
  }
});
