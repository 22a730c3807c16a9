import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";

const SERVICES = ["postgresOltp", "postgresDw", "kafka", "connect", "s3"] as const;
const lab = (...args: string[]) => execFileSync("npx", ["tsx", "lab/lab.ts", ...args], { stdio: "pipe", timeout: 240_000 }).toString();

test("the health strip shows all five lab services up, with version and response time", async ({ page }) => {
  await page.goto("/");
  for (const id of SERVICES) {
    const chip = page.getByTestId(`health-${id}`);
    await expect(chip).toHaveAttribute("data-state", "up");
    await expect(chip).toContainText(/\d+\s*ms/);
  }
  await expect(page.getByTestId("health-postgresOltp")).toContainText("PostgreSQL 15");
  await expect(page.getByTestId("health-connect")).toContainText("Kafka Connect 4.");
});

test("the health API answers 200 with every service up", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.ok).toBe(true);
  expect(body.services.map((s: { id: string }) => s.id)).toEqual([...SERVICES]);
});

test("stopping Kafka shows it down within 10 s with the reason, and it comes back after a restart", async ({ page, request }) => {
  test.setTimeout(300_000);
  await page.goto("/topics");
  const kafka = page.getByTestId("health-kafka");
  await expect(kafka).toHaveAttribute("data-state", "up");
  try {
    lab("stop", "kafka");
    await expect(kafka).toHaveAttribute("data-state", "down", { timeout: 10_000 });
    await expect(kafka).toContainText(/refused|recusada/i);
    // The other services are not dragged down with it.
    await expect(page.getByTestId("health-postgresOltp")).toHaveAttribute("data-state", "up");
    const res = await request.get("/api/health");
    expect(res.status()).toBe(503);
    const body = await res.json();
    expect(body.services.find((s: { id: string }) => s.id === "kafka")).toMatchObject({ up: false, failure: "refused" });
  } finally {
    lab("up");
  }
  await expect(kafka).toHaveAttribute("data-state", "up", { timeout: 30_000 });
});
