// Which preview an object gets, from its key's extension first (sinks often store JSON Lines as
// application/octet-stream), then its content type. Pure.
import "server-only";
import type { PreviewKind } from "../shared/lake-types";

const BY_EXTENSION: Record<string, PreviewKind> = {
  json: "json",
  jsonl: "jsonl",
  ndjson: "jsonl",
  csv: "csv",
  tsv: "csv",
  parquet: "parquet",
  pq: "parquet",
  png: "image",
  jpg: "image",
  jpeg: "image",
  gif: "image",
  webp: "image",
  avif: "image",
  bmp: "image",
  txt: "text",
  log: "text",
  md: "text",
  yaml: "text",
  yml: "text",
  xml: "text",
  sql: "text",
  py: "text",
  ts: "text",
  js: "text",
  html: "text",
  properties: "text",
  conf: "text",
  ini: "text",
  toml: "text",
};

export function previewKind(key: string, contentType: string | null): PreviewKind {
  const name = key.slice(key.lastIndexOf("/") + 1).toLowerCase();
  const ext = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1) : "";
  if (BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  const type = (contentType ?? "").toLowerCase().split(";")[0].trim();
  if (type === "application/x-ndjson" || type === "application/jsonl" || type === "application/x-jsonlines") return "jsonl";
  if (type === "application/json" || type.endsWith("+json")) return "json";
  if (type === "text/csv" || type === "text/tab-separated-values") return "csv";
  if (type === "application/vnd.apache.parquet" || type === "application/x-parquet") return "parquet";
  if (type.startsWith("image/") && type !== "image/svg+xml") return "image";
  if (type.startsWith("text/")) return "text";
  // Unknown: the server looks at the bytes (text when there is no NUL byte).
  return "binary";
}

/** True when the bytes look like text: no NUL byte and few other control characters. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  let control = 0;
  for (const b of bytes) {
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / bytes.length < 0.02;
}
