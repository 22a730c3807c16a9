import { defineConfig } from "@playwright/test";

// End-to-end tests drive Debian's Chromium (Playwright cannot download its own browsers here) against a
// production build of the console on its own port, so a console already running on 3000 is left alone.
const port = Number(process.env.E2E_PORT ?? 3100);
// A viewer account on the console under test (inherited by its server and by the specs), so the role tests can
// sign in as one; a loopback console still needs no login for everything else.
process.env.CONSOLE_VIEWER_PASSWORD ??= "e2e-viewer-password";

export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  // Playwright empties its outputDir at start: keep it apart from the other reports in test-results/.
  outputDir: "test-results/playwright",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "en-US",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
    trace: "retain-on-failure",
  },
  webServer: {
    command: `npx next start -H 127.0.0.1 -p ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    // 503 (a service down) still means the console is up.
    ignoreHTTPSErrors: true,
    reuseExistingServer: false,
    // SIGTERM lets the tail hub close its Kafka consumers and delete their groups.
    gracefulShutdown: { signal: "SIGTERM", timeout: 5000 },
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
