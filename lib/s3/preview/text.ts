// Text, JSON and JSON Lines previews from the first bytes of an object. Pure.
import "server-only";
import type { JsonLinesPreview, LakeChangeEvent } from "../shared/lake-types";
import { decodeDebezium, type InferredTables } from "./debezium";

/** UTF-8 text of a byte prefix; a character cut in half at the end of a range read is dropped. */
export function decodeUtf8(bytes: Uint8Array, truncated: boolean): string {
  const text = new TextDecoder("utf-8").decode(bytes);
  return truncated ? text.replace(/\uFFFD+$/, "") : text;
}

/** Pretty JSON of a whole document, or the raw text when it is not valid (or was cut off). */
export function prettyJson(text: string): { text: string; valid: boolean; value: unknown } {
  try {
    const value = JSON.parse(text);
    return { text: JSON.stringify(value, null, 2), valid: true, value };
  } catch {
    return { text, valid: false, value: undefined };
  }
}

/** One entry per line: pretty-printed when it parses, with the Debezium event when it is one. */
export function jsonLines(text: string, truncated: boolean, maxLines = 500, tables?: InferredTables): Pick<JsonLinesPreview, "lines" | "truncated"> {
  const raw = text.split(/\r?\n/);
  // A cut-off read ends inside a line: drop that partial line.
  if (truncated && raw.length > 1) raw.pop();
  const lines: JsonLinesPreview["lines"] = [];
  let stopped = false;
  raw.forEach((line, i) => {
    if (line.trim() === "") return;
    if (lines.length >= maxLines) {
      stopped = true;
      return;
    }
    const parsed = prettyJson(line);
    const event: LakeChangeEvent | null = parsed.valid ? decodeDebezium(parsed.value, tables) : null;
    lines.push({ line: i + 1, text: parsed.text, valid: parsed.valid, event });
  });
  return { lines, truncated: truncated || stopped };
}
