// Snapshot progress folded from the notifications Debezium really sent on the lab (fixture captured there).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseNotification, snapshotProgress } from "./snapshot-progress";

const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, "../doctor/fixtures/incremental_snapshot_notifications.json"), "utf8")) as { messages: unknown[] };

describe("incremental snapshot progress", () => {
  const notes = fixture.messages.map(parseNotification);

  it("parses every record of the notification topic (JsonConverter with schemas)", () => {
    expect(notes.every((n) => n !== null)).toBe(true);
    expect(notes.map((n) => n!.type)).toEqual(["SKIPPED", "STARTED", "IN_PROGRESS", "TABLE_SCAN_COMPLETED", "COMPLETED"]);
  });

  it("folds them into one completed snapshot of public.pessoas with its row count", () => {
    const [s, ...rest] = snapshotProgress(notes.filter((n) => n !== null));
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ id: "sig-1", state: "COMPLETED", collections: ["public.pessoas"], current: null, tables: [{ name: "public.pessoas", rows: 20, status: "SUCCEEDED" }] });
  });

  it("mid-way it shows the table in progress and the keys", () => {
    const [s] = snapshotProgress(notes.slice(0, 3).filter((n) => n !== null));
    expect(s).toMatchObject({ state: "IN_PROGRESS", current: "public.pessoas", lastKey: "10059690519", maxKey: "10059690519", tables: [] });
  });

  it("ignores what is not a notification", () => {
    expect(parseNotification({ foo: 1 })).toBeNull();
    expect(parseNotification(null)).toBeNull();
  });
});
