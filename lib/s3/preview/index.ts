import "server-only";
import type { ObjectPreview } from "../shared/lake-types";
import { headObject, presignGet } from "../objects/objects";
import { guessDelimiter, parseCsv } from "./csv";
import { looksLikeText, previewKind } from "./kind";
import { previewParquet } from "./parquet";
import { readRange } from "./range-buffer";
import { decodeUtf8, jsonLines, prettyJson } from "./text";
import { decodeDebezium } from "./debezium";
import { inferredTablesFor } from "./inferred";

/** Text-like previews read at most this many bytes (one ranged GET). */
export const PREVIEW_BYTES = 64 * 1024;
export const CSV_PREVIEW_ROWS = 100;
/** Presigned image URLs live this long. */
const IMAGE_URL_SECONDS = 300;

/** Builds the preview of an object: a HEAD, then one ranged read (or hyparquet's few, or a presigned URL). */
export async function previewObject(bucket: string, key: string, signal?: AbortSignal): Promise<ObjectPreview> {
  const meta = await headObject(bucket, key, signal);
  const base = { bucket, key, size: meta.size, contentType: meta.contentType };
  let kind = previewKind(key, meta.contentType);

  if (kind === "image") {
    const url = await presignGet(bucket, key, { expiresIn: IMAGE_URL_SECONDS });
    return { ...base, kind: "image", url: url.url, expiresAt: url.expiresAt, bytesRead: 0 };
  }
  if (kind === "parquet") {
    const { counter: _counter, ...preview } = await previewParquet(bucket, key, meta.size, { signal });
    return { ...base, kind: "parquet", ...preview };
  }

  const length = Math.min(meta.size, PREVIEW_BYTES);
  const bytes = await readRange(bucket, key, 0, length, { signal });
  const truncated = meta.size > bytes.byteLength;
  const read = { ...base, bytesRead: bytes.byteLength };
  if (kind === "binary") {
    if (!looksLikeText(bytes)) return { ...read, kind: "binary", hex: Buffer.from(bytes.subarray(0, 256)).toString("hex") };
    // Unknown extension but text: JSON Lines when the first line is a JSON object, else plain text.
    const head = decodeUtf8(bytes, truncated);
    kind = /^\s*\{.*\}\s*$/m.test(head.split("\n", 1)[0] ?? "") ? "jsonl" : "text";
  }
  const text = decodeUtf8(bytes, truncated);
  switch (kind) {
    case "json": {
      const parsed = truncated ? { text, valid: false, value: undefined } : prettyJson(text);
      // A .json file holding one JSON document per line is JSON Lines in disguise.
      if (!parsed.valid && !truncated && text.includes("\n")) {
        const asLines = await linesWithTypes(text, false);
        if (asLines.lines.length > 1 && asLines.lines.every((l) => l.valid)) return { ...read, kind: "jsonl", ...asLines };
      }
      let event = parsed.valid ? decodeDebezium(parsed.value) : null;
      const tables = await inferredTablesFor([event]);
      if (tables.size) event = decodeDebezium(parsed.value, tables);
      return { ...read, kind: "json", text: parsed.text, valid: parsed.valid, truncated, event };
    }
    case "jsonl": {
      return { ...read, kind: "jsonl", ...(await linesWithTypes(text, truncated)) };
    }
    case "csv": {
      const delimiter = key.toLowerCase().endsWith(".tsv") ? "\t" : guessDelimiter(text);
      const { rows, stoppedEarly } = parseCsv(text, { delimiter, maxRows: CSV_PREVIEW_ROWS + 1, complete: !truncated });
      const [header = [], ...body] = rows;
      return { ...read, kind: "csv", delimiter, header, rows: body, truncated: truncated || stoppedEarly };
    }
    default:
      return { ...read, kind: "text", text, truncated };
  }
}


/** JSON Lines; values the sink wrote without their schema decoded again with the captured tables' column types. */
async function linesWithTypes(text: string, truncated: boolean) {
  const first = jsonLines(text, truncated);
  const tables = await inferredTablesFor(first.lines.map((l) => l.event));
  return tables.size ? jsonLines(text, truncated, undefined, tables) : first;
}
