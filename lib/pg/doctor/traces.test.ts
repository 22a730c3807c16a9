// The trace patterns against the REAL messages captured from the lab (fixtures/*.json, made by capture.ts).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { matchTrace, rootCauseLine } from "./traces";

interface Fixture {
  scenario: string;
  trace: string | null;
  validation: string[];
}

const dir = path.join(import.meta.dirname, "fixtures");
const fixtures = new Map<string, Fixture>(
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => {
      const x = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Fixture;
      return [x.scenario, x];
    }),
);
const textOf = (s: string) => {
  const f = fixtures.get(s);
  if (!f) throw new Error(`fixture ${s} missing: run lib/pg/doctor/fixtures/capture.ts ${s}`);
  return f.trace ?? f.validation.join("\n");
};

describe("matchTrace on traces captured from the lab", () => {
  const expected: [string, string, Record<string, string>][] = [
    ["wal_level", "wal_level", {}],
    ["decoderbufs", "plugin_missing", { plugin: "decoderbufs" }],
    ["no_replication", "no_replication", {}],
    ["all_tables_not_superuser", "publication_all_tables_superuser", {}],
    ["filtered_not_owner", "publication_not_owner", { table: "pessoas" }],
    ["no_create_on_database", "no_create_on_database", { database: "liga_sudoers" }],
    ["publication_missing", "publication_missing", {}],
    ["permission_denied", "select_denied", { table: "pessoas" }],
    ["slots_in_use", "slots_exhausted", {}],
    ["wal_senders", "wal_senders_exhausted", { max: "1" }],
    ["password_failed", "password", { user: "database_cap_repl" }],
  ];
  for (const [scenario, cause, params] of expected) {
    it(`${scenario} → ${cause}`, () => {
      const m = matchTrace(textOf(scenario));
      expect(m?.cause).toBe(cause);
      expect(m?.params).toMatchObject(params);
      // The line shown as evidence is PostgreSQL's / Debezium's own words, not a whole stack.
      expect(m!.line.length).toBeLessThan(400);
      expect(m!.line).not.toMatch(/^\s*at /);
    });
  }

  it("slot_active → slot_in_use with the slot and the pid holding it", () => {
    const m = matchTrace(textOf("slot_active"));
    expect(m?.cause).toBe("slot_in_use");
    expect(m?.params.slot).toBe("database_cap_shared");
    expect(Number(m?.params.pid)).toBeGreaterThan(0);
  });

  it("an unknown trace matches nothing and its deepest cause is what is shown", () => {
    const trace = "org.apache.kafka.connect.errors.ConnectException: boom\n\tat x.y(Z.java:1)\nCaused by: java.io.IOException: disk on fire\n\tat a.b(C.java:2)";
    expect(matchTrace(trace)).toBeNull();
    expect(rootCauseLine(trace)).toBe("java.io.IOException: disk on fire");
  });
});
