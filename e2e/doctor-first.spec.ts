// End to end, the course's CDC step the way the doctor makes it go right: a person opens the CDC doctor before
// registering anything, applies each fix it offers (one confirmed click each), registers the course's Debezium
// connector from its template, changes a row and sees the change event arrive on the live tail.
import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { connectRest, deleteConnectorAndOffsets, dropReleasedSlot, withOltp } from "./support/lab";

const CONNECTOR = "postgres-connector-pessoas";
const SLOT = "debezium_slot";
const PUBLICATION = "pessoas_pub";
const TOPIC = "liga_sudoers.public.pessoas";
let identityBefore = "d";
let publicationExisted = false;
const id = 99_900_000_000 + randomInt(1, 99_999_999);
/** The rules about the planned connector's own setup (not other tests' leftovers elsewhere in the lab). */
const SETUP_RULES = ["publication_missing", "publication_missing_table", "table_replica_identity", "role_select", "role_replication", "role_login"];

test.beforeAll(async () => {
  // The template's connector must not exist yet: this is the student's first registration.
  const existing = await connectRest("GET", `/connectors/${CONNECTOR}`);
  expect(existing.status, "the course's connector is already registered on this lab").toBe(404);
  await withOltp(async (c) => {
    identityBefore = (await c.query("select relreplident from pg_class where oid = 'public.pessoas'::regclass")).rows[0].relreplident;
    publicationExisted = ((await c.query("select 1 from pg_publication where pubname = $1", [PUBLICATION])).rowCount ?? 0) > 0;
  });
});

test.afterAll(async () => {
  await deleteConnectorAndOffsets(CONNECTOR);
  await withOltp(async (c) => {
    await dropReleasedSlot(c, SLOT);
    if (!publicationExisted) await c.query(`drop publication if exists ${PUBLICATION}`);
    if (identityBefore === "d") await c.query("alter table public.pessoas replica identity default");
    await c.query("delete from pessoas where id = $1", [id]);
  });
});

test("doctor first, one click per fix, then the template connector captures a real change", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/database?tab=doctor");
  const doctor = page.getByTestId("database-doctor");
  await expect(doctor).toContainText(CONNECTOR);
  // Each fix the doctor offers for the planned connector's setup: apply, confirm, and the doctor runs again.
  const ours = doctor.locator(SETUP_RULES.map((r) => `[data-rule="${r}"]`).join(", "));
  await expect(ours.first()).toBeVisible();
  for (let round = 0; round < SETUP_RULES.length; round++) {
    const fix = ours.getByRole("button", { name: /^Fix:/ }).first();
    if ((await fix.count()) === 0) break;
    await fix.click();
    await page.getByTestId("database-fix-confirm").getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Fixed" })).toBeVisible({ timeout: 30_000 });
  }
  await expect(doctor.locator('[data-rule="table_replica_identity"]')).toHaveCount(0);

  // Register the course's connector from its template (Connect validates it first).
  await page.goto("/connectors/register");
  await page.getByTestId("register-submit").click();
  await expect(page.getByTestId("registered-banner")).toBeVisible({ timeout: 60_000 });
  await withOltp(async (c) => {
    for (let i = 0; i < 120; i++) {
      if ((await c.query("select active from pg_replication_slots where slot_name = $1", [SLOT])).rows[0]?.active) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error("the connector's slot never streamed");
  });

  // A real change, seen live.
  await page.goto(`/topics/${TOPIC}/live`);
  await expect(page.getByTestId("tail-status")).toHaveAttribute("data-status", "live", { timeout: 30_000 });
  await withOltp((c) => c.query("insert into pessoas (id, nome, sexo, dt_nasc) values ($1, $2, 'F', '2000-01-01')", [id, `Doutora ${id}`]));
  await expect(page.getByText(`Doutora ${id}`).first()).toBeVisible({ timeout: 60_000 });
});
