// Prints one closing line for the whole suite, "N passed, N failed", from the Vitest and Playwright JSON reports
// and the S3 sink's Surefire (JUnit XML) reports. A runner without a report counts as one failure.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const SUREFIRE_DIR = "lab/s3-sink/target/surefire-reports";

/** Counts of one Surefire TEST-*.xml: the attributes of its <testsuite> element. */
export function surefireSuiteCounts(xml) {
  const tag = /<testsuite\b[^>]*>/.exec(xml)?.[0];
  if (!tag) return null;
  const attr = (name) => Number(new RegExp(`\\s${name}="(\\d+)"`).exec(tag)?.[1] ?? 0);
  const tests = attr("tests");
  const failed = attr("failures") + attr("errors");
  const skipped = attr("skipped");
  return { passed: tests - failed - skipped, failed, skipped };
}

/** Totals over every TEST-*.xml in dir, or null when there is none (the Java tests did not run). */
export function surefireCounts(dir = SUREFIRE_DIR) {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => /^TEST-.*\.xml$/.test(f));
  if (!files.length) return null;
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const f of files) {
    const c = surefireSuiteCounts(readFileSync(path.join(dir, f), "utf8"));
    if (!c) {
      total.failed += 1; // an unreadable report: do not let it pass silently
      continue;
    }
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  }
  return total;
}

function main() {
  const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, "utf8")) : null);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const parts = [];
  const vitest = read("test-results/vitest.json");
  if (vitest) {
    passed += vitest.numPassedTests;
    failed += vitest.numFailedTests;
    skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
    parts.push(`vitest ${vitest.numPassedTests}/${vitest.numTotalTests}`);
  } else failed += 1;
  // The cluster's tests run on request (LAB_TEST_CLUSTER=1): their report counts when they ran.
  const clusterRan = process.env.LAB_TEST_CLUSTER === "1";
  for (const [name, file, required] of [["vitest faults", "test-results/vitest-faults.json", true], ["vitest cluster", "test-results/vitest-cluster.json", clusterRan]]) {
    const report = read(file);
    if (!report && !required) continue;
    if (report) {
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      skipped += report.numPendingTests + (report.numTodoTests ?? 0);
      parts.push(`${name} ${report.numPassedTests}/${report.numTotalTests}`);
    } else failed += 1;
  }
  const e2e = read("test-results/e2e.json");
  if (e2e) {
    passed += e2e.stats.expected;
    failed += e2e.stats.unexpected + e2e.stats.flaky;
    skipped += e2e.stats.skipped;
    parts.push(`playwright ${e2e.stats.expected}/${e2e.stats.expected + e2e.stats.unexpected + e2e.stats.flaky + e2e.stats.skipped}`);
  } else failed += 1;
  const java = surefireCounts();
  if (java) {
    passed += java.passed;
    failed += java.failed;
    skipped += java.skipped;
    parts.push(`java (s3 sink) ${java.passed}/${java.passed + java.failed + java.skipped}`);
  } else failed += 1;
  if (parts.length) console.log(`\npassed per runner: ${parts.join(" · ")}`);
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
