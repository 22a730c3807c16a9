// Before/after comparison of change events. Pure.
import type { ChangeEvent, Row } from "./types";

export interface FieldDiff {
  field: string;
  before: unknown;
  after: unknown;
  /** False when either side is missing (nothing to compare against). */
  changed: boolean;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every column of either row, in the after row's order; `changed` only when both rows are known. */
export function diffRows(before: Row | null, after: Row | null): FieldDiff[] {
  const fields = [...Object.keys(after ?? {}), ...Object.keys(before ?? {}).filter((f) => !after || !(f in after))];
  return fields.map((field) => {
    const b = before ? before[field] : undefined;
    const a = after ? after[field] : undefined;
    return { field, before: b, after: a, changed: before !== null && after !== null && !same(b, a) };
  });
}

export function changedFields(before: Row | null, after: Row | null): string[] {
  return diffRows(before, after)
    .filter((d) => d.changed)
    .map((d) => d.field);
}

/**
 * Where the "before" side of a comparison comes from:
 * - "event": the event carried it (REPLICA IDENTITY FULL, or a delete/key change);
 * - "last-seen": the event had none (PostgreSQL's default replica identity sends no old row on UPDATE), so we
 *   compare with the last version of the same row that this view received;
 * - "none": nothing to compare against — show the after row alone.
 */
export type BeforeOrigin = "event" | "last-seen" | "none";

export interface Comparison {
  origin: BeforeOrigin;
  before: Row | null;
  after: Row | null;
  diff: FieldDiff[];
  changed: string[];
}

export function compareChange(event: ChangeEvent, lastSeen: Row | null): Comparison {
  let before: Row | null = event.before;
  let origin: BeforeOrigin = before ? "event" : "none";
  if (!before && event.op === "u" && lastSeen) {
    before = lastSeen;
    origin = "last-seen";
  }
  const diff = diffRows(before, event.after);
  return { origin, before, after: event.after, diff, changed: diff.filter((d) => d.changed).map((d) => d.field) };
}

/** True for an update whose event has no `before`: the table does not have REPLICA IDENTITY FULL. */
export function updateWithoutBefore(event: ChangeEvent): boolean {
  return event.op === "u" && event.before === null;
}
