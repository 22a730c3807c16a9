// What the live tail page keeps: at most `max` entries (oldest dropped first), each change event already
// compared with the row's previous version. Lives outside the query cache (a stream is not a query). Pure.
import { compareChange, type Comparison } from "@/lib/debezium/shared/diff";
import type { Row } from "@/lib/debezium/shared/types";
import type { TailGap, TopicMessage } from "@/lib/kafka/shared/message-types";

export const DEFAULT_MAX_KEPT = 5000;
/** Rows remembered per view to compare updates that carry no `before`. */
const MAX_REMEMBERED_ROWS = 20_000;

export interface LastSeen {
  row: Row;
  /** Event id ("partition:offset") of the version remembered. */
  id: string;
}

export type TailInput = { kind: "message"; message: TopicMessage } | { kind: "skipped"; count: number } | { kind: "gap"; gap: TailGap };

export type TailItem =
  | { kind: "message"; seq: number; message: TopicMessage; comparison: Comparison | null; lastSeen: LastSeen | null }
  | { kind: "skipped"; seq: number; count: number }
  | { kind: "gap"; seq: number; gap: TailGap };

/** Identity of a row across events: its table and record key. */
function rowIdentity(m: TopicMessage): string | null {
  if (m.value.kind !== "change" || m.key === null) return null;
  return `${m.value.table ?? ""}|${m.key}`;
}

export class TailBuffer {
  items: TailItem[] = [];
  /** Entries removed because the view holds at most `max`. */
  droppedByLimit = 0;
  /** Messages among the entries (markers excluded), kept as entries come and go: read on every frame. */
  messageCount = 0;
  private seq = 0;
  private readonly lastRows = new Map<string, LastSeen>();

  constructor(public max = DEFAULT_MAX_KEPT) {}

  append(inputs: TailInput[]): void {
    for (const input of inputs) {
      const seq = ++this.seq;
      if (input.kind !== "message") {
        this.items.push({ ...input, seq });
        continue;
      }
      this.messageCount++;
      const m = input.message;
      const id = rowIdentity(m);
      const lastSeen = id ? (this.lastRows.get(id) ?? null) : null;
      const comparison = m.value.kind === "change" ? compareChange(m.value, lastSeen?.row ?? null) : null;
      if (id && m.value.kind === "change") {
        this.lastRows.delete(id);
        const row = m.value.after;
        if (m.value.op !== "d" && row) this.lastRows.set(id, { row, id: m.id });
        if (this.lastRows.size > MAX_REMEMBERED_ROWS) this.lastRows.delete(this.lastRows.keys().next().value!);
      }
      this.items.push({ kind: "message", seq, message: m, comparison, lastSeen });
    }
    this.trim();
  }

  setMax(max: number): void {
    this.max = max;
    this.trim();
  }

  private trim(): void {
    const excess = this.items.length - this.max;
    if (excess > 0) {
      for (const gone of this.items.splice(0, excess)) if (gone.kind === "message") this.messageCount--;
      this.droppedByLimit += excess;
    }
  }

  clear(): void {
    this.items = [];
    this.messageCount = 0;
    this.droppedByLimit = 0;
  }

  messages(): TopicMessage[] {
    return this.items.flatMap((i) => (i.kind === "message" ? [i.message] : []));
  }

  /** What is shown, one JSON object per line (oldest first). */
  toJsonLines(): string {
    return this.messages()
      .map((m) => JSON.stringify(m))
      .join("\n")
      .concat(this.items.length ? "\n" : "");
  }
}
