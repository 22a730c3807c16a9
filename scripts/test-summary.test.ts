import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { surefireCounts, surefireSuiteCounts } from "./test-summary.mjs";

// The opening of a report as maven-surefire-plugin 3.5 writes it.
const suite = (tests: number, errors: number, skipped: number, failures: number) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd" version="3.0.2" name="lab.console.connect.s3.X" time="0.05" tests="${tests}" errors="${errors}" skipped="${skipped}" failures="${failures}">\n<testcase name="a" classname="X" time="0.01"/>\n</testsuite>\n`;

describe("the Java tests in the suite's summary", () => {
  let dir = "";
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it("counts failures and errors as failed and the rest as passed", () => {
    expect(surefireSuiteCounts(suite(17, 1, 2, 3))).toEqual({ passed: 11, failed: 4, skipped: 2 });
  });

  it("adds up every TEST-*.xml and ignores Surefire's other files", () => {
    dir = mkdtempSync(path.join(tmpdir(), "surefire-"));
    writeFileSync(path.join(dir, "TEST-a.xml"), suite(10, 0, 0, 0));
    writeFileSync(path.join(dir, "TEST-b.xml"), suite(6, 0, 0, 1));
    writeFileSync(path.join(dir, "a.txt"), "Tests run: 10, Failures: 0");
    expect(surefireCounts(dir)).toEqual({ passed: 15, failed: 1, skipped: 0 });
  });

  it("reports nothing when the Java tests did not run, so the summary counts it as a failure", () => {
    expect(surefireCounts(path.join(tmpdir(), "no-such-surefire-dir"))).toBeNull();
    dir = mkdtempSync(path.join(tmpdir(), "surefire-"));
    expect(surefireCounts(dir)).toBeNull();
  });
});
