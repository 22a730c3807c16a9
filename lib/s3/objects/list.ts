import "server-only";
import { ListObjectsV2Command, type _Object, type CommonPrefix } from "@aws-sdk/client-s3";
import { s3 } from "../client";
import { s3Call } from "../errors";
import type { FolderEntry, ObjectEntry, ObjectPage } from "../shared/lake-types";
import { folderEntry } from "../shared/paths";

export const MAX_KEYS_LIMIT = 1000;

export interface ListPageInput {
  bucket: string;
  /** The folder to list ("" for the root, else ending with "/"). */
  prefix?: string;
  /** Extra text appended to the prefix (the filter box). */
  filter?: string;
  /** Group keys by "/" into folders (default true). */
  delimiter?: boolean;
  maxKeys?: number;
  token?: string | null;
  signal?: AbortSignal;
}

export function toObjectEntry(o: _Object, parent: string): ObjectEntry {
  const key = o.Key ?? "";
  return {
    key,
    name: key.startsWith(parent) ? key.slice(parent.length) : key,
    size: Number(o.Size ?? 0),
    lastModified: o.LastModified ? o.LastModified.toISOString() : null,
    etag: o.ETag ?? null,
  };
}

function toFolders(prefixes: CommonPrefix[] | undefined, parent: string): FolderEntry[] {
  return (prefixes ?? []).filter((p) => p.Prefix).map((p) => folderEntry(p.Prefix!, parent));
}

/**
 * One page of a listing: a single ListObjectsV2 call with MaxKeys and the caller's continuation token. The
 * console never lists a whole prefix to show it; the browser keeps the tokens to go back.
 */
export async function listObjectsPage(input: ListPageInput): Promise<ObjectPage> {
  const prefix = input.prefix ?? "";
  const filter = input.filter ?? "";
  const maxKeys = Math.min(Math.max(input.maxKeys ?? 200, 1), MAX_KEYS_LIMIT);
  const out = await s3Call({ action: "list objects", bucket: input.bucket }, () =>
    s3().send(
      new ListObjectsV2Command({
        Bucket: input.bucket,
        Prefix: prefix + filter || undefined,
        Delimiter: input.delimiter === false ? undefined : "/",
        MaxKeys: maxKeys,
        ContinuationToken: input.token || undefined,
      }),
      { abortSignal: input.signal },
    ),
  );
  return {
    bucket: input.bucket,
    prefix,
    filter,
    folders: toFolders(out.CommonPrefixes, prefix),
    // A folder marker ("a/" as an empty object) is the folder itself, not an entry in it.
    objects: (out.Contents ?? []).filter((o) => o.Key && o.Key !== prefix).map((o) => toObjectEntry(o, prefix)),
    nextToken: out.IsTruncated ? (out.NextContinuationToken ?? null) : null,
    maxKeys,
  };
}

/**
 * Every key under a prefix, one page (≤ 1,000 keys) at a time, without keeping what was already yielded:
 * memory stays flat however many objects there are.
 */
export async function* pageKeys(bucket: string, prefix: string, signal?: AbortSignal): AsyncGenerator<_Object[]> {
  let token: string | undefined;
  do {
    const out = await s3Call({ action: "list objects", bucket }, () =>
      s3().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, MaxKeys: MAX_KEYS_LIMIT, ContinuationToken: token }), { abortSignal: signal }),
    );
    yield out.Contents ?? [];
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
}
