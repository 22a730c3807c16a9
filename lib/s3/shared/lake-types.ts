// Shapes the lake API answers with, shared by lib/s3 (server) and the browser. Types only.
import type { ChangeEvent } from "../../debezium/shared/types";

export interface BucketSummary {
  name: string;
  createdAt: string | null;
}

export interface BucketStats {
  bucket: string;
  prefix: string;
  objects: number;
  bytes: number;
  /** ListObjectsV2 calls it took (the count pages through the listing, 1,000 keys a call). */
  requests: number;
}

/** Anonymous read access of a bucket; "unsupported" when the server has no bucket policies (S3Proxy). */
export type BucketAccess = "public" | "private" | "custom" | "unsupported";

export interface BucketAccessInfo {
  bucket: string;
  access: BucketAccess;
}

export interface Partition {
  key: string;
  value: string;
}

export interface FolderEntry {
  /** Full prefix, ending with "/". */
  prefix: string;
  /** Last path segment, without the trailing "/". */
  name: string;
  /** Set when the segment is `key=value` (Hive-style partition). */
  partition: Partition | null;
}

export interface ObjectEntry {
  key: string;
  /** Key relative to the listed folder. */
  name: string;
  size: number;
  lastModified: string | null;
  etag: string | null;
}

export interface ObjectPage {
  bucket: string;
  /** The folder listed (ends with "/" or is empty for the bucket root). */
  prefix: string;
  /** Text typed in the filter, appended to the prefix for the request. */
  filter: string;
  folders: FolderEntry[];
  objects: ObjectEntry[];
  /** Continuation token of the next page; null on the last page. */
  nextToken: string | null;
  maxKeys: number;
}

export interface LatestObjects {
  bucket: string;
  prefix: string;
  /** Newest first. */
  objects: ObjectEntry[];
  /** The partition folders the scan walked into, e.g. ["…/year=2026/", "…/year=2026/month=11/"]. */
  path: string[];
  requests: number;
  keysScanned: number;
  /** True when a budget (pages per folder, folders, requests) stopped the scan early. */
  truncated: boolean;
  scannedAt: string;
}

export interface ObjectMeta {
  bucket: string;
  key: string;
  size: number;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  contentEncoding: string | null;
  cacheControl: string | null;
  storageClass: string | null;
  /** x-amz-meta-* headers, without the prefix. */
  userMetadata: Record<string, string>;
}

export interface PresignedUrl {
  url: string;
  expiresAt: string;
  expiresIn: number;
}

export interface DeleteResult {
  deleted: number;
  errors: { key: string; code: string; message: string }[];
  requests: number;
}

/** A Debezium change event decoded by lib/debezium (the topic tail's decoder), plus its changed columns. */
export type LakeChangeEvent = ChangeEvent & { changed: string[] };

export type PreviewKind = "json" | "jsonl" | "csv" | "parquet" | "image" | "text" | "binary";

interface PreviewBase {
  bucket: string;
  key: string;
  size: number;
  contentType: string | null;
  /** Bytes the server read from S3 to build this preview. */
  bytesRead: number;
}

export interface TextPreview extends PreviewBase {
  kind: "text";
  text: string;
  truncated: boolean;
}

export interface JsonPreview extends PreviewBase {
  kind: "json";
  /** Pretty-printed document, or the raw text when it was cut off or is not valid JSON. */
  text: string;
  valid: boolean;
  truncated: boolean;
  event: LakeChangeEvent | null;
}

export interface JsonLinesPreview extends PreviewBase {
  kind: "jsonl";
  lines: { line: number; text: string; valid: boolean; event: LakeChangeEvent | null }[];
  truncated: boolean;
}

export interface CsvPreview extends PreviewBase {
  kind: "csv";
  delimiter: string;
  header: string[];
  rows: string[][];
  truncated: boolean;
}

export interface ParquetColumn {
  name: string;
  type: string;
  logicalType: string | null;
  repetition: string | null;
}

export interface ParquetRowGroup {
  index: number;
  rows: number;
  bytes: number;
  compression: string[];
}

export interface ParquetPreview extends PreviewBase {
  kind: "parquet";
  columns: ParquetColumn[];
  rowGroups: ParquetRowGroup[];
  totalRows: number;
  createdBy: string | null;
  /** First rows (at most 100), values made JSON-safe (bigint → string, dates → ISO). */
  rows: Record<string, unknown>[];
  rangeRequests: number;
}

export interface ImagePreview extends PreviewBase {
  kind: "image";
  url: string;
  expiresAt: string;
}

export interface BinaryPreview extends PreviewBase {
  kind: "binary";
  /** First bytes as hex, for a glimpse of unknown formats. */
  hex: string;
}

export type ObjectPreview = TextPreview | JsonPreview | JsonLinesPreview | CsvPreview | ParquetPreview | ImagePreview | BinaryPreview;

export interface UploadStarted {
  uploadId: string;
  key: string;
  partSize: number;
}

export interface UploadedObject {
  bucket: string;
  key: string;
  etag: string | null;
  size: number;
}
