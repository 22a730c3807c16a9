// End to end, trace a change on a pipeline of our own (test/trace-lab.ts: a Debezium source with its own slot,
// publication and topic prefix on public.pessoas, and the lab's S3 sink into a bucket of its own): a person clicks
// "Trace a change" and sees the three hops with their latencies; with the sink paused a new trace stops at the topic
// and names the paused sink; with the table out of the publication it stops at the database and links the doctor.
import { expect, test, type Page } from "@playwright/test";
import { createTraceLab, type TraceLab } from "../test/trace-lab";
import { cfg } from "./support/lab";

const RUN = Date.now().toString(36);
let lab: TraceLab;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  lab = await createTraceLab(cfg, `tr-e2e-${RUN}`);
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await lab?.cleanup();
});

/** As an operator does on /trace: picks our connector and table, sets the waits, clicks "Trace a change". */
async function traceAChange(page: Page, waits: { eventTimeoutS?: number; objectTimeoutS?: number } = {}) {
  await page.goto("/trace");
  await page.getByTestId("trace-connector").selectOption(`0/${lab.source}`);
  await page.getByTestId("trace-table").fill("public.pessoas");
  if (waits.eventTimeoutS) await page.getByTestId("trace-event-timeout").fill(String(waits.eventTimeoutS));
  if (waits.objectTimeoutS) await page.getByTestId("trace-object-timeout").fill(String(waits.objectTimeoutS));
  await page.getByTestId("trace-submit").click();
  await expect(page).toHaveURL(/\/trace\/\d+$/, { timeout: 30_000 });
}

test("a person clicks Trace a change and sees the commit, the event and the object, with the latency between hops", async ({ page }) => {
  test.setTimeout(120_000);
  await traceAChange(page);
  await expect(page.getByTestId("trace-status")).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
  for (const hop of ["commit", "topic", "object"]) await expect(page.getByTestId(`trace-hop-${hop}`)).toHaveAttribute("data-state", "reached");
  await expect(page.getByTestId("trace-hop-commit")).toContainText("Transaction (txid)");
  await expect(page.getByTestId("trace-hop-topic")).toContainText(lab.topic);
  await expect(page.getByTestId("trace-hop-topic")).toContainText("source.lsn");
  await expect(page.getByTestId("trace-latency-commit-topic")).toContainText(/\d ms/);
  await expect(page.getByTestId("trace-latency-topic-object")).toContainText(/\d ms/);
  await expect(page.getByTestId("trace-object-key")).toContainText(`topics/${lab.topic}/`);
  await expect(page.getByTestId("trace-total")).toContainText("Console's share");
  // The list shows it, newest first.
  const id = page.url().split("/").pop()!;
  await page.getByText("All traces").click();
  await expect(page.getByTestId(`trace-row-${id}`)).toContainText("reached the lake");
});

test("with the sink paused, a new trace stops at the topic and names the paused sink", async ({ page }) => {
  test.setTimeout(120_000);
  await lab.rest("PUT", `/connectors/${lab.sink}/pause`);
  await lab.waitState(lab.sink, "PAUSED");
  try {
    await traceAChange(page, { objectTimeoutS: 5 });
    const stop = page.getByTestId("trace-stop");
    await expect(stop).toHaveAttribute("data-stage", "topic", { timeout: 60_000 });
    await expect(page.getByTestId("trace-hop-topic")).toHaveAttribute("data-state", "reached");
    await expect(stop).toContainText("the event arrived, but no object after 5 s");
    await expect(page.getByTestId("trace-stop-text")).toHaveText(`Sink ${lab.sink} is PAUSED: it does not write the topic into the bucket. See the sink.`);
    await expect(page.getByTestId("trace-stop-link")).toHaveAttribute("href", `/connectors/0/${lab.sink}`);
  } finally {
    await lab.rest("PUT", `/connectors/${lab.sink}/resume`);
  }
});

test("with the table removed from the publication, a trace stops at the database and links the doctor's rule", async ({ page }) => {
  test.setTimeout(120_000);
  await lab.sql(`ALTER PUBLICATION ${lab.publication} DROP TABLE public.pessoas`);
  await traceAChange(page, { eventTimeoutS: 5 });
  const stop = page.getByTestId("trace-stop");
  await expect(stop).toHaveAttribute("data-stage", "database", { timeout: 60_000 });
  await expect(stop).toHaveAttribute("data-code", "table_not_in_publication");
  await expect(page.getByTestId("trace-hop-topic")).toHaveAttribute("data-state", "missing");
  await expect(page.getByTestId("trace-stop-text")).toContainText(`Table public.pessoas is not in publication ${lab.publication}`);
  const link = page.getByTestId("trace-stop-link");
  await expect(link).toHaveAttribute("data-kind", "doctor");
  await expect(link).toHaveAttribute("href", /\/database\?db=oltp&tab=doctor&cluster=0&connector=.+&rule=publication_missing_table/);
  await link.click();
  await expect(page).toHaveURL(/\/database\?.*tab=doctor/);
  // The doctor opens on that rule: outlined, for the connector the trace used.
  await expect(page.locator('[data-rule="publication_missing_table"][data-focused="true"]').first()).toBeVisible({ timeout: 30_000 });
});

test("a viewer watches traces in pt-BR, with no hydration error, and cannot start one", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ locale: "pt-BR" });
  await context.addCookies([{ name: "locale", value: "pt-BR", url: baseURL! }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.location().url.includes("/api/health")) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  const login = await page.request.post(`${baseURL}/api/auth/login`, { data: { user: "viewer", password: process.env.CONSOLE_VIEWER_PASSWORD } });
  expect(login.status()).toBe(200);
  await page.goto("/trace");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rastrear uma mudança");
  await expect(page.getByTestId("trace-submit")).toBeDisabled();
  await expect(page.getByTestId("trace-button")).toBeDisabled();
  await expect(page.getByText("Você está como observador: pode acompanhar os rastreamentos, mas só um operador pode iniciar um.").first()).toBeVisible();
  // The traces of this run are listed, and one opens with its stop in Portuguese.
  const row = page.locator('[data-testid^="trace-row-"]').filter({ hasText: "parou" }).first();
  await row.getByRole("link").click();
  await expect(page.getByTestId("trace-stop")).toContainText("Onde parou");
  // A viewer's start through the API is refused too (the guard), whatever the page shows.
  const refused = await page.request.post(`${baseURL}/api/pipeline/traces`, { data: { connector: lab.source }, headers: { origin: baseURL! } });
  expect(refused.status()).toBe(403);
  expect(errors).toEqual([]);
  await context.close();
});
