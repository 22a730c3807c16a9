import { expect, test, type Page } from "@playwright/test";
import { nextServerAction } from "./support/lab";

// Runs against the real lab: the streaming generator adds people and orders to liga_sudoers (that is its job).

async function eventsOf(page: Page, kind: string): Promise<number> {
  return Number(await page.getByTestId(`events-${kind}`).getAttribute("data-value"));
}

// A run left going by a failed test would flood pessoas for every spec after this one.
test.afterEach(async ({ request }) => {
  for (const generator of ["streaming", "cdc"]) await request.post("/api/generators/stop", { data: { generator } }).catch(() => undefined);
});

test("a person starts the streaming generator at 20 events/s, watches its counters move, and stops it", async ({ page, context }) => {
  await page.goto("/generators");
  const panel = page.getByTestId("generator-streaming");
  const status = panel.getByTestId("status-streaming");
  await expect(status).toBeVisible();
  await expect(status).not.toHaveAttribute("data-status", /running|stopping/);

  await panel.getByLabel("Rate (events/s)").fill("20");
  // The UI starts it through the generators' server action (the same guarded operation as POST /api/generators/start).
  const started = nextServerAction(page);
  await panel.getByRole("button", { name: "Start" }).click();
  expect((await started).status()).toBe(200);

  await expect(status).toHaveAttribute("data-status", "running");
  await expect(panel.getByText("asked: 20/s")).toBeVisible();
  // the counters move: events, then rows in every table the run writes
  await expect.poll(() => eventsOf(page, "streaming")).toBeGreaterThan(0);
  const first = await eventsOf(page, "streaming");
  await expect.poll(() => eventsOf(page, "streaming")).toBeGreaterThan(first + 20);
  for (const table of ["pessoas", "pedidos", "itens_pedidos", "auditoria_pedidos"]) {
    await expect(panel.getByTestId(`rows-streaming-${table}`)).not.toHaveText("0");
  }
  await expect(panel.getByTestId("current-rate-streaming")).toContainText("/s");

  // a second tab (or a reload) sees the running generator, and cannot start another one
  const other = await context.newPage();
  await other.goto("/generators");
  await expect(other.getByTestId("status-streaming")).toHaveAttribute("data-status", "running");
  await expect(other.getByTestId("generator-streaming").getByRole("button", { name: "Stop" })).toBeVisible();
  await other.close();

  const stopped = nextServerAction(page);
  await panel.getByRole("button", { name: "Stop" }).click();
  expect((await stopped).status()).toBe(200);
  await expect(status).toHaveAttribute("data-status", "stopped");
  const final = await eventsOf(page, "streaming");
  expect(final).toBeGreaterThan(first);
  await expect(panel.getByRole("button", { name: "Start" })).toBeEnabled();

  // the run is stored and listed with its final count
  const history = page.getByTestId("generator-history");
  await expect(history.getByRole("row").nth(1)).toContainText("Streaming");
  await expect(history.getByRole("row").nth(1)).toContainText("stopped by the operator");
});

test("a second start of a running generator is refused with a clear message", async ({ request }) => {
  const first = await request.post("/api/generators/start", { data: { generator: "cdc", rate: 1, scope: "own" } });
  expect(first.status()).toBe(201);
  try {
    const second = await request.post("/api/generators/start", { data: { generator: "cdc", rate: 1, scope: "own" } });
    expect(second.status()).toBe(409);
    const body = await second.json();
    expect(body).toMatchObject({ ok: false, error: { code: "generator_running" } });
    expect(body.error.message).toMatch(/cdc generator is already running .*stop it first/);
    const invalid = await request.post("/api/generators/start", { data: { generator: "cdc", rate: -1 } });
    expect(invalid.status()).toBe(422);
  } finally {
    const stop = await request.post("/api/generators/stop", { data: { generator: "cdc" } });
    expect(stop.status()).toBe(200);
    expect((await stop.json()).data.status).toBe("stopped");
  }
});
