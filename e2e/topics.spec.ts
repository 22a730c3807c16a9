// End to end: a person opens the live tail of liga_sudoers.public.pessoas, a row is inserted, updated and
// deleted in PostgreSQL, and each change shows up on the page as a change event.
import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { CONNECT_URL as CONNECT, dropReleasedSlot, oltpClient, pessoasSource, waitFor as waitForLab } from "./support/lab";
const TOPIC = "liga_sudoers.public.pessoas";
// The seed's connector, registered only when nothing produces the topic yet (and removed afterwards).
const CONNECTOR = "e2e-topics-pessoas";
const SLOT = "e2e_topics_slot";
const PUBLICATION = "e2e_topics_pub";

const db = oltpClient;

async function connect(path: string, init?: RequestInit): Promise<Response> {
  return fetch(`${CONNECT}${path}`, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
}

interface ConnectorInfo {
  info: { config: Record<string, string> };
  status: { connector: { state: string }; tasks: { state: string }[] };
}

/** A running Debezium connector whose events land in liga_sudoers.public.pessoas, if one exists. */
async function existingPessoasConnector(): Promise<string | null> {
  const all = (await (await connect("/connectors?expand=info&expand=status")).json()) as Record<string, ConnectorInfo>;
  for (const [name, c] of Object.entries(all)) {
    const cfg = c.info.config;
    const tables = cfg["table.include.list"];
    if (
      cfg["connector.class"] === "io.debezium.connector.postgresql.PostgresConnector" &&
      cfg["topic.prefix"] === "liga_sudoers" &&
      (!tables || tables.split(",").map((s) => s.trim()).includes("public.pessoas")) &&
      c.status.connector.state === "RUNNING" &&
      c.status.tasks.every((t) => t.state === "RUNNING")
    ) {
      return name;
    }
  }
  return null;
}

/** Connect and the slot are asked every 250 ms. */
const waitFor = <T,>(what: string, fn: () => Promise<T | null | false>, timeoutMs = 60_000) => waitForLab(what, fn, timeoutMs, 250);

let registered = false;
let createdTopic = false;
const consoleUrl = () => `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  if (await existingPessoasConnector()) return;
  // No snapshot (pessoas may hold many thousands of rows): this test is about live changes. The topic is
  // created through the console first, so the page can watch it before the first change arrives.
  const exists = await fetch(`${consoleUrl()}/api/topics/${TOPIC}`);
  if (exists.status === 404) {
    const created = await fetch(`${consoleUrl()}/api/topics`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: TOPIC, partitions: 1 }) });
    expect(created.status, await created.text()).toBe(201);
    createdTopic = true;
  }
  const res = await connect("/connectors", {
    method: "POST",
    body: JSON.stringify({
      name: CONNECTOR,
      config: {
        ...pessoasSource(SLOT, PUBLICATION),
        "decimal.handling.mode": "double",
        "time.precision.mode": "adaptive",
      },
    }),
  });
  expect(res.status, await res.text()).toBe(201);
  registered = true;
  await waitFor("the Debezium connector to run", async () => (await existingPessoasConnector()) !== null);
  // Changes are captured from the moment its replication slot streams.
  const client = db();
  await client.connect();
  try {
    await waitFor("the connector's replication slot to stream", async () => {
      const r = await client.query("select active from pg_replication_slots where slot_name = $1", [SLOT]);
      return r.rowCount === 1 && r.rows[0].active === true;
    });
  } finally {
    await client.end();
  }
});

test.afterAll(async () => {
  if (!registered) return;
  // Stop, forget its offsets, delete; then drop the replication slot and publication it created.
  await connect(`/connectors/${CONNECTOR}/stop`, { method: "PUT" });
  await waitFor("the connector to stop", async () => {
    const s = (await (await connect(`/connectors/${CONNECTOR}/status`)).json()) as { connector?: { state: string } };
    return s.connector?.state === "STOPPED";
  }).catch(() => undefined);
  await connect(`/connectors/${CONNECTOR}/offsets`, { method: "DELETE" });
  await connect(`/connectors/${CONNECTOR}`, { method: "DELETE" });
  const client = db();
  await client.connect();
  try {
    await dropReleasedSlot(client, SLOT);
    await client.query(`drop publication if exists ${PUBLICATION}`);
  } finally {
    await client.end();
  }
  // The topic this run created goes too, unless another connector now writes to it.
  if (createdTopic && !(await existingPessoasConnector())) await fetch(`${consoleUrl()}/api/topics/${TOPIC}`, { method: "DELETE" });
});

async function openTail(page: Page) {
  await page.goto(`/topics/${TOPIC}/live`);
  await expect(page.getByRole("heading", { name: `Live: ${TOPIC}` })).toBeVisible();
  await expect(page.getByTestId("tail-status")).toHaveAttribute("data-status", "live", { timeout: 20_000 });
}

test("insert, update and delete on pessoas show up live as c, u (changed field highlighted) and d (with the before row)", async ({ page }) => {
  test.setTimeout(120_000);
  const id = 99_700_000_000 + randomInt(1, 99_999_999);
  const name = `E2E Tópicos ${id}`;
  const updated = `${name} (Atualizado)`;
  const client = db();
  await client.connect();
  try {
    await openTail(page);
    const rows = page.getByTestId("tail-row");

    await client.query("insert into pessoas (id, nome, sexo, dt_nasc) values ($1, $2, 'F', '1995-03-08')", [id, name]);
    const created = rows.filter({ hasText: `id=${id}` }).and(page.locator('[data-op="c"]'));
    await expect(created).toBeVisible({ timeout: 5_000 });
    await expect(created).toContainText(name);
    await expect(created.getByTestId("op-badge")).toHaveText(/^c/);
    // On the console's own server the page's stream is written to its socket itself, not through a Web stream.
    const hub = (await (await page.request.get("/api/topics/hub")).json()) as { data: { topics: { topic: string; viewers: number; viewersOnSocket: number }[] } };
    const watched = hub.data.topics.find((t) => t.topic === TOPIC);
    expect(watched?.viewers).toBeGreaterThan(0);
    expect(watched?.viewersOnSocket).toBe(watched?.viewers);

    await client.query("update pessoas set nome = $2 where id = $1", [id, updated]);
    const changed = rows.filter({ hasText: String(id) }).and(page.locator('[data-op="u"]'));
    await expect(changed).toBeVisible({ timeout: 5_000 });
    // pessoas has no REPLICA IDENTITY FULL: the page compares with the insert it saw and highlights nome.
    await expect(changed.locator('mark[data-field="nome"]')).toContainText(updated);
    await changed.getByRole("button").first().click();
    await expect(changed.getByText("PostgreSQL did not send the old row")).toBeVisible();
    const nome = changed.locator('[data-testid="change-field"][data-field="nome"]');
    await expect(nome).toHaveAttribute("data-changed", "true");
    await expect(nome).toContainText(name);
    await expect(nome).toContainText(updated);
    await expect(changed.locator('[data-testid="change-field"][data-field="id"]')).toHaveAttribute("data-changed", "false");

    await client.query("delete from pessoas where id = $1", [id]);
    const deleted = rows.filter({ hasText: String(id) }).and(page.locator('[data-op="d"]'));
    await expect(deleted).toBeVisible({ timeout: 5_000 });
    await deleted.getByRole("button").first().click();
    const event = deleted.getByTestId("change-event");
    await expect(event).toHaveAttribute("data-op", "d");
    // The before row: its key, and the last version this page saw of it.
    await expect(event.locator('[data-testid="change-field"][data-field="id"]')).toContainText(String(id));
    await expect(event.locator('[data-testid="change-field"][data-field="nome"]')).toContainText(updated);
    await expect(event.getByTestId("capture-latency")).toHaveText(/\d+ ms/);
  } finally {
    await client.query("delete from pessoas where id = $1", [id]).catch(() => undefined);
    await client.end();
  }
});

test("an operator creates a topic with the form, watches it live, and deletes it; an unknown topic's tail says how topics get created", async ({ page }) => {
  const name = `e2e-topics-ui-${randomInt(1, 1_000_000_000)}`;
  await page.goto("/topics");
  const form = page.getByTestId("create-topic-form");
  await form.getByLabel("Name").fill("not valid!");
  await form.getByRole("button", { name: "Create topic" }).click();
  await expect(form).toContainText("Use only unaccented letters");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Partitions").fill("3");
  await form.getByRole("button", { name: "Create topic" }).click();
  await expect(form.getByRole("status")).toContainText(`Topic ${name} created.`);
  const row = page.locator(`[data-testid="topic-row"][data-topic="${name}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("p2: 0 → 0");

  await row.getByRole("link", { name: "Live" }).click();
  await expect(page.getByTestId("tail-status")).toHaveAttribute("data-status", "live");
  await expect(page.getByTestId("tail-empty")).toContainText("Waiting for messages");

  await page.goto("/topics");
  await row.getByRole("button", { name: `Delete topic ${name}` }).click();
  await row.getByTestId("confirm-type").fill(name);
  await row.getByRole("button", { name: "Yes, delete" }).click();
  await expect(row).toHaveCount(0);

  await page.goto(`/topics/${name}/live`);
  const failure = page.locator('[role="alert"]', { hasText: "The live view stopped" });
  await expect(failure).toContainText(`Topic "${name}" does not exist`);
  await expect(failure).toContainText("register the Debezium connector");
});
