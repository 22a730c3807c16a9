// Pure helpers for S3 key paths: folders, `key=value` partitions and breadcrumbs.
import type { FolderEntry, Partition } from "./lake-types";

/** `year=2026` → { key: "year", value: "2026" }; anything else → null. */
export function parsePartition(segment: string): Partition | null {
  const m = /^([A-Za-z_][\w.-]*)=(.+)$/.exec(segment);
  return m ? { key: m[1], value: m[2] } : null;
}

/** The folder entry of a common prefix listed under `parent`. */
export function folderEntry(prefix: string, parent: string): FolderEntry {
  const rest = prefix.slice(parent.length).replace(/\/$/, "");
  return { prefix, name: rest, partition: parsePartition(rest) };
}

/** The folder part of a key or prefix: "a/b/c.json" → "a/b/", "a/b/" → "a/", "c.json" → "". */
export function parentPrefix(keyOrPrefix: string): string {
  const trimmed = keyOrPrefix.endsWith("/") ? keyOrPrefix.slice(0, -1) : keyOrPrefix;
  const i = trimmed.lastIndexOf("/");
  return i < 0 ? "" : trimmed.slice(0, i + 1);
}

/** The last segment of a key: "a/b/c.json" → "c.json". */
export function baseName(key: string): string {
  const trimmed = key.endsWith("/") ? key.slice(0, -1) : key;
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

export interface Crumb {
  label: string;
  prefix: string;
  partition: Partition | null;
}

/** "a/year=2026/" → [{a, "a/"}, {year=2026, "a/year=2026/"}] (the bucket root is the caller's). */
export function breadcrumbs(prefix: string): Crumb[] {
  const crumbs: Crumb[] = [];
  let acc = "";
  for (const segment of prefix.split("/")) {
    if (segment === "") continue;
    acc += `${segment}/`;
    crumbs.push({ label: segment, prefix: acc, partition: parsePartition(segment) });
  }
  return crumbs;
}

/** Orders partition values: numerically when both are numbers (day=9 < day=10), else by code point. */
export function comparePartitionValues(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== "" && b.trim() !== "" && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The newest partition among folders: the most common partition key's largest value. Time partitions written
 * by sinks (`year=2026/month=11/day=28`, `dt=2026-11-28`) sort that way; null when no folder is a partition.
 */
export function newestPartition(folders: FolderEntry[]): FolderEntry | null {
  const partitioned = folders.filter((f) => f.partition);
  if (partitioned.length === 0) return null;
  const counts = new Map<string, number>();
  for (const f of partitioned) counts.set(f.partition!.key, (counts.get(f.partition!.key) ?? 0) + 1);
  const key = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return partitioned
    .filter((f) => f.partition!.key === key)
    .reduce((best, f) => (comparePartitionValues(f.partition!.value, best.partition!.value) > 0 ? f : best));
}
