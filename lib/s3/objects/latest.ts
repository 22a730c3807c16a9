import "server-only";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { s3 } from "../client";
import { s3Call } from "../errors";
import type { FolderEntry, LatestObjects, ObjectEntry } from "../shared/lake-types";
import { toObjectEntry } from "./list";
import { folderEntry, newestPartition } from "../shared/paths";

/** Budgets that keep one refresh cheap enough to poll every few seconds. */
export const LATEST_LIMITS = {
  /** Listing pages read in one folder (1,000 keys each). */
  pagesPerFolder: 5,
  /** Plain (non-partition) sub-folders walked at one level. */
  foldersPerLevel: 20,
  maxDepth: 10,
  maxRequests: 60,
};

/** Keeps the newest `limit` entries (by LastModified, then key) without growing past it. */
export function keepNewest(current: ObjectEntry[], more: ObjectEntry[], limit: number): ObjectEntry[] {
  const time = (o: ObjectEntry) => (o.lastModified ? Date.parse(o.lastModified) : 0);
  return [...current, ...more]
    .sort((a, b) => time(b) - time(a) || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
    .slice(0, limit);
}

/**
 * The newest objects under a prefix, for the "latest objects" view that a student watches while a sink writes.
 *
 * S3 can only list in key order, so "newest" needs a guess about where new keys land. Sinks write into time
 * partitions (`year=2026/month=11/day=28/…`), so at each level the scan walks into the newest partition only
 * (largest value of the most common partition key) and walks every plain folder (topic names), up to budgets.
 * The objects it meets are sorted by LastModified. Limits: a file written late into an older partition is not
 * seen; a folder with more than pagesPerFolder × 1,000 keys is only partly scanned (reported as truncated).
 */
export async function latestObjects(input: { bucket: string; prefix?: string; limit?: number; signal?: AbortSignal }): Promise<LatestObjects> {
  const prefix = input.prefix ?? "";
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 500);
  let newest: ObjectEntry[] = [];
  const path: string[] = [];
  let requests = 0;
  let keysScanned = 0;
  let truncated = false;

  async function scan(folder: string, depth: number): Promise<void> {
    if (depth > LATEST_LIMITS.maxDepth || requests >= LATEST_LIMITS.maxRequests) {
      truncated = true;
      return;
    }
    const folders: FolderEntry[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      requests++;
      pages++;
      const out = await s3Call({ action: "list objects", bucket: input.bucket }, () =>
        s3().send(
          new ListObjectsV2Command({ Bucket: input.bucket, Prefix: folder || undefined, Delimiter: "/", MaxKeys: 1000, ContinuationToken: token }),
          { abortSignal: input.signal },
        ),
      );
      const objects = (out.Contents ?? []).filter((o) => o.Key && o.Key !== folder).map((o) => toObjectEntry(o, prefix));
      keysScanned += objects.length;
      newest = keepNewest(newest, objects, limit);
      for (const p of out.CommonPrefixes ?? []) if (p.Prefix) folders.push(folderEntry(p.Prefix, folder));
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token && pages < LATEST_LIMITS.pagesPerFolder && requests < LATEST_LIMITS.maxRequests);
    if (token) truncated = true;

    const partition = newestPartition(folders);
    if (partition) {
      path.push(partition.prefix);
      await scan(partition.prefix, depth + 1);
    }
    const plain = folders.filter((f) => !f.partition);
    if (plain.length > LATEST_LIMITS.foldersPerLevel) truncated = true;
    for (const f of plain.slice(0, LATEST_LIMITS.foldersPerLevel)) await scan(f.prefix, depth + 1);
  }

  await scan(prefix, 0);
  return { bucket: input.bucket, prefix, objects: newest, path, requests, keysScanned, truncated, scannedAt: new Date().toISOString() };
}
