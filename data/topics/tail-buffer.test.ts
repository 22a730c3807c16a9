import { describe, expect, it } from "vitest";
import type { ChangeEvent } from "@/lib/debezium/shared/types";
import type { TopicMessage } from "@/lib/kafka/shared/message-types";
import { TailBuffer } from "./tail-buffer";

const change = (op: "c" | "u" | "d", before: Record<string, unknown> | null, after: Record<string, unknown> | null): ChangeEvent => ({
  kind: "change",
  op,
  table: "public.pessoas",
  before,
  after,
  source: { connector: "postgresql", version: null, name: null, db: "liga_sudoers", schema: "public", table: "pessoas", lsn: 1, txId: 1, snapshot: "false", tsMs: 1 },
  tsMs: 1,
  captureLatencyMs: 5,
  latencyBasis: "received",
  withSchema: true,
  types: "schema",
  zonelessFields: [],
  placeholderFields: [],
});
let offset = 0;
const msg = (key: string, value: TopicMessage["value"]): TopicMessage => {
  const o = offset++;
  return { id: `0:${o}`, partition: 0, offset: String(o), timestamp: 0, key, keyIsBinary: false, headers: {}, value, size: 10 };
};

describe("tail buffer", () => {
  it("keeps at most max entries, dropping the oldest", () => {
    const b = new TailBuffer(3);
    b.append([1, 2, 3, 4, 5].map((i) => ({ kind: "message" as const, message: msg(`k${i}`, { kind: "text", text: String(i) }) })));
    expect(b.items.map((i) => (i.kind === "message" ? i.message.key : null))).toEqual(["k3", "k4", "k5"]);
    expect(b.droppedByLimit).toBe(2);
    b.append([{ kind: "skipped", count: 7 }]);
    expect(b.messageCount).toBe(2); // the marker is not a message; k3 dropped for it
    b.setMax(1);
    expect(b.items).toHaveLength(1);
    expect(b.messageCount).toBe(0);
  });

  it("compares an update without before with the last version of the same row it saw", () => {
    const b = new TailBuffer();
    const created = msg("Struct{id=1}", change("c", null, { id: 1, nome: "Ana" }));
    b.append([{ kind: "message", message: created }]);
    b.append([{ kind: "message", message: msg("Struct{id=1}", change("u", null, { id: 1, nome: "Ana (Atualizado)" })) }]);
    const u = b.items[1]!;
    expect(u.kind === "message" && u.comparison).toMatchObject({ origin: "last-seen", changed: ["nome"] });
    expect(u.kind === "message" && u.lastSeen?.id).toBe(created.id);
    // A delete remembers the last version it saw (PostgreSQL sent only the key).
    b.append([{ kind: "message", message: msg("Struct{id=1}", change("d", { id: 1, nome: "" }, null)) }]);
    const d = b.items[2]!;
    expect(d.kind === "message" && d.lastSeen?.row).toEqual({ id: 1, nome: "Ana (Atualizado)" });
    // Other rows are not confused with it.
    b.append([{ kind: "message", message: msg("Struct{id=2}", change("u", null, { id: 2, nome: "Bia" })) }]);
    const other = b.items[3]!;
    expect(other.kind === "message" && other.comparison?.origin).toBe("none");
  });

  it("exports what is shown as JSON Lines, and clears", () => {
    const b = new TailBuffer();
    b.append([{ kind: "message", message: msg("a", { kind: "json", json: { x: 1 } }) }, { kind: "skipped", count: 3 }]);
    const lines = b.toJsonLines().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ key: "a", value: { kind: "json", json: { x: 1 } } });
    expect(b.messageCount).toBe(1);
    b.clear();
    expect(b.items).toEqual([]);
    expect(b.messageCount).toBe(0);
  });
});
