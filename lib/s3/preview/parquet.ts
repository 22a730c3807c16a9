import "server-only";
import type { S3Client } from "@aws-sdk/client-s3";
import { parquetMetadataAsync, parquetReadObjects, parquetSchema, type SchemaTree } from "hyparquet";
import { AppError } from "../../errors";
import type { ParquetColumn, ParquetPreview, ParquetRowGroup } from "../shared/lake-types";
import { rangeAsyncBuffer, type RangeCounter } from "./range-buffer";

export const PARQUET_PREVIEW_ROWS = 100;
/** Footer bytes read in the first request (most footers fit; hyparquet reads more when they don't). */
const FOOTER_FETCH = 64 * 1024;
const PREVIEW_BUDGET = 16 * 1024 * 1024;

/** Values made JSON-safe for the browser: bigint → string, Date → ISO, bytes → short hex. */
export function jsonSafe(value: unknown, depth = 0): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return `0x${Buffer.from(value.subarray(0, 32)).toString("hex")}${value.length > 32 ? "…" : ""}`;
  if (depth > 8) return "…";
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => jsonSafe(v, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, jsonSafe(v, depth + 1)]));
  }
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return value;
}

function describeColumn(node: SchemaTree): ParquetColumn {
  const el = node.element;
  const logical = el.logical_type ? el.logical_type.type : (el.converted_type ?? null);
  const type = node.children.length > 0 ? (el.converted_type === "LIST" ? "LIST" : el.converted_type === "MAP" ? "MAP" : "STRUCT") : (el.type ?? "?");
  return { name: el.name, type, logicalType: logical ?? null, repetition: el.repetition_type ?? null };
}

/**
 * Schema, row groups and the first 100 rows of a Parquet object, read by hyparquet through ranged GETs: the
 * footer, then (with the offset index) only the pages holding those rows.
 */
export async function previewParquet(
  bucket: string,
  key: string,
  size: number,
  opts: { signal?: AbortSignal; client?: S3Client; rows?: number } = {},
): Promise<Omit<ParquetPreview, "kind" | "bucket" | "key" | "size" | "contentType"> & { counter: RangeCounter }> {
  const counter: RangeCounter = { bytes: 0, requests: 0 };
  const file = rangeAsyncBuffer(bucket, key, size, { counter, budgetBytes: PREVIEW_BUDGET, signal: opts.signal, client: opts.client });
  let metadata;
  try {
    metadata = await parquetMetadataAsync(file, { initialFetchSize: FOOTER_FETCH });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(422, "not_parquet", `"${bucket}/${key}" is not a readable Parquet file: ${(e as Error).message}`, "console", { params: { bucket, key }, detail: (e as Error).message });
  }
  const schema = parquetSchema(metadata);
  const totalRows = Number(metadata.num_rows);
  const rowEnd = Math.min(opts.rows ?? PARQUET_PREVIEW_ROWS, totalRows);
  let rows: Record<string, unknown>[] = [];
  if (rowEnd > 0) {
    try {
      rows = (await parquetReadObjects({ file, metadata, rowStart: 0, rowEnd, useOffsetIndex: true })) as Record<string, unknown>[];
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError(422, "parquet_unreadable", `Could not read the rows of "${bucket}/${key}": ${(e as Error).message} (the pure-JS reader supports SNAPPY and uncompressed pages).`, "console", { params: { bucket, key }, detail: (e as Error).message });
    }
  }
  const rowGroups: ParquetRowGroup[] = metadata.row_groups.map((g, index) => ({
    index,
    rows: Number(g.num_rows),
    bytes: Number(g.total_byte_size),
    compression: [...new Set(g.columns.map((c) => c.meta_data?.codec ?? "?"))],
  }));
  return {
    columns: schema.children.map(describeColumn),
    rowGroups,
    totalRows,
    createdBy: metadata.created_by ?? null,
    rows: rows.map((r) => jsonSafe(r) as Record<string, unknown>),
    bytesRead: counter.bytes,
    rangeRequests: counter.requests,
    counter,
  };
}
