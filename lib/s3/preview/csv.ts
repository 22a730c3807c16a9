// A small RFC 4180 CSV reader for previews: quoted fields, doubled quotes, CRLF, and the delimiter guessed
// from the first line (Brazilian spreadsheets export with ";"). Pure.
import "server-only";
export function guessDelimiter(text: string, hint?: string): string {
  if (hint) return hint;
  const end = text.search(/\r?\n/);
  const firstLine = end < 0 ? text : text.slice(0, end);
  const candidates = [",", ";", "\t", "|"];
  let best = ",";
  let bestCount = 0;
  for (const d of candidates) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parses CSV text into rows. With `complete: false` (the text was cut off by a range read) the last, possibly
 * partial record is dropped. Stops after `maxRows` records.
 */
export function parseCsv(text: string, opts: { delimiter: string; maxRows: number; complete: boolean }): { rows: string[][]; stoppedEarly: boolean } {
  const { delimiter, maxRows } = opts;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  let recordStart = true;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      recordStart = false;
      i++;
    } else if (ch === delimiter) {
      row.push(field);
      field = "";
      recordStart = false;
      i++;
    } else if (ch === "\n" || ch === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      recordStart = true;
      i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
      if (rows.length >= maxRows) return { rows, stoppedEarly: i < src.length };
    } else {
      field += ch;
      recordStart = false;
      i++;
    }
  }
  // The text ended inside a record: keep it only when the text is the whole file.
  if (!recordStart && opts.complete && !quoted) {
    row.push(field);
    rows.push(row);
  }
  return { rows, stoppedEarly: false };
}
