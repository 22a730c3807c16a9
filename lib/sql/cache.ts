// The SQL engine's local copy of S3 objects: DuckDB reads local files only (no httpfs, no network), so objects are
// fetched through the console's own S3 client into this folder. Keyed by bucket, key and ETag (a rewritten object
// gets a new entry), bounded by a size cap with least-recently-used eviction, emptied when the console starts.
// Entries a running query reads are pinned and never evicted under it.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../errors";

export interface CachedObject {
  bucket: string;
  key: string;
  etag: string;
  size: number;
}

/** Fetches one object's body (must be exactly that ETag, or throw). */
export type ObjectFetcher = (o: CachedObject, signal?: AbortSignal) => Promise<Readable | ReadableStream | Uint8Array>;

/** Parallel GETs when filling the cache. */
const FETCH_CONCURRENCY = 8;

interface Entry {
  file: string;
  size: number;
  lastUsed: number;
  pins: number;
}

export interface Lease {
  /** Local file per object, in the order asked. */
  files: string[];
  /** Bytes fetched from S3 by this call (cache misses). */
  fetchedBytes: number;
  release(): void;
}

export class ObjectCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry>>();
  private used = 0;
  private clock = 0;
  readonly objectsDir: string;
  /** Where the engine's own outputs (Parquet saves, exports, PostgreSQL copies) are written, then removed. */
  readonly scratchDir: string;

  constructor(
    readonly dir: string,
    readonly capBytes: number,
    private readonly fetcher: ObjectFetcher,
  ) {
    this.objectsDir = path.join(dir, "objects");
    this.scratchDir = path.join(dir, "scratch");
  }

  /** Empties the folder: a previous process's files are not known to this one. */
  async start(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(this.objectsDir, { recursive: true });
    await mkdir(this.scratchDir, { recursive: true });
  }

  static idOf(o: Pick<CachedObject, "bucket" | "key" | "etag">): string {
    return createHash("sha256").update(`${o.bucket}\0${o.key}\0${o.etag}`).digest("hex");
  }

  usedBytes(): number {
    return this.used;
  }

  has(o: CachedObject): boolean {
    return this.entries.has(ObjectCache.idOf(o));
  }

  /**
   * Pins every object, fetching the missing ones. Refuses before fetching anything when the misses would exceed
   * `maxFetchBytes` or could never fit the cache.
   */
  async acquire(objects: CachedObject[], opts: { maxFetchBytes: number; signal?: AbortSignal }): Promise<Lease> {
    const ids = objects.map((o) => ObjectCache.idOf(o));
    const missing = new Map<string, CachedObject>();
    objects.forEach((o, i) => {
      if (!this.entries.has(ids[i]!)) missing.set(ids[i]!, o);
    });
    const missingBytes = [...missing.values()].reduce((s, o) => s + o.size, 0);
    if (missingBytes > opts.maxFetchBytes) {
      throw new AppError(
        413,
        "sql_fetch_limit",
        `This query would fetch ${missingBytes} bytes from S3, over the limit of ${opts.maxFetchBytes} per query (SQL_MAX_FETCH_MB): narrow the prefix (e.g. one day's folder) or raise the limit.`,
        "console",
        { params: { bytes: missingBytes, max: opts.maxFetchBytes } },
      );
    }
    if (missingBytes > this.capBytes) {
      throw new AppError(413, "sql_cache_too_small", `The objects need ${missingBytes} bytes, more than the whole cache (SQL_CACHE_MB): narrow the prefix or raise SQL_CACHE_MB.`, "console");
    }
    const pinned: Entry[] = [];
    const release = () => {
      for (const e of pinned.splice(0)) e.pins--;
    };
    let fetchedBytes = 0;
    try {
      // pin the hits first so that making room for the misses cannot evict them
      for (const id of ids) {
        const e = this.entries.get(id);
        if (e && !missing.has(id)) {
          e.pins++;
          e.lastUsed = ++this.clock;
          pinned.push(e);
        }
      }
      this.evict(missingBytes);
      // a few GETs at a time: sink objects are small, and one request at a time leaves the link idle
      const queue = [...missing];
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const { entry, fetched } = await this.fetchOne(next[0], next[1], opts.signal);
          entry.pins++;
          entry.lastUsed = ++this.clock;
          pinned.push(entry);
          fetchedBytes += fetched;
        }
      };
      await Promise.all(Array.from({ length: Math.min(FETCH_CONCURRENCY, queue.length) }, worker));
    } catch (e) {
      release();
      throw e;
    }
    return { files: ids.map((id) => this.entries.get(id)!.file), fetchedBytes, release };
  }

  /**
   * A file the engine derives from cached objects (a table's objects rewritten as one Parquet file, so a second
   * query does not parse the JSON again), built once per id and pinned for the caller; counted against the cap
   * and evicted like an object.
   */
  async derived(id: string, build: (file: string) => Promise<void>, signal?: AbortSignal): Promise<{ file: string; built: boolean; release: () => void }> {
    let entry = this.entries.get(id);
    let built = false;
    if (!entry) {
      const file = path.join(this.objectsDir, `${id}.derived.parquet`);
      const part = path.join(this.scratchDir, `${id}.${randomUUID()}.parquet`);
      const write = async (to: string) => {
        if (signal?.aborted) throw new AppError(499, "sql_cancelled", "The query was cancelled.", "console");
        await build(to);
      };
      // Its size is known only once built: room is made then.
      ({ entry, made: built } = await this.admit(id, file, part, write, { evictOnAdmit: true }));
    }
    const e = entry;
    e.pins++;
    e.lastUsed = ++this.clock;
    let released = false;
    return {
      file: e.file,
      built,
      release: () => {
        if (!released) e.pins--;
        released = true;
      },
    };
  }

  private async fetchOne(id: string, o: CachedObject, signal?: AbortSignal): Promise<{ entry: Entry; fetched: number }> {
    const file = path.join(this.objectsDir, `${id}${path.extname(o.key).toLowerCase().replace(/[^a-z0-9.]/g, "")}`);
    const { entry, made } = await this.admit(id, file, `${file}.${randomUUID()}.part`, async (part) => {
      const body = await this.fetcher(o, signal);
      const source = body instanceof Uint8Array ? Readable.from([body]) : body instanceof Readable ? body : Readable.fromWeb(body as import("node:stream/web").ReadableStream);
      await pipeline(source, createWriteStream(part), { signal });
    });
    return { entry, fetched: made ? o.size : 0 };
  }

  /**
   * Makes the file of `id` once, however many ask for it at the same time: `write` fills `part`, which is then
   * renamed to `file` (and removed when writing fails), and the entry is recorded with its size. `evictOnAdmit`
   * makes room for that size first (a derived file; an object's room is made before it is fetched).
   */
  private async admit(id: string, file: string, part: string, write: (part: string) => Promise<void>, opts: { evictOnAdmit?: boolean } = {}): Promise<{ entry: Entry; made: boolean }> {
    const running = this.inflight.get(id);
    if (running) return { entry: await running, made: false };
    const p = (async () => {
      try {
        await write(part);
        await rename(part, file);
      } catch (e) {
        await rm(part, { force: true });
        throw e;
      }
      const size = (await stat(file)).size;
      if (opts.evictOnAdmit) this.evict(size);
      const entry: Entry = { file, size, lastUsed: ++this.clock, pins: 0 };
      this.entries.set(id, entry);
      this.used += size;
      return entry;
    })();
    this.inflight.set(id, p);
    try {
      return { entry: await p, made: true };
    } finally {
      this.inflight.delete(id);
    }
  }

  /** Removes least-recently-used unpinned entries until `incoming` more bytes fit under the cap (or none is left). */
  private evict(incoming: number): void {
    if (this.used + incoming <= this.capBytes) return;
    const candidates = [...this.entries].filter(([, e]) => e.pins === 0).sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [id, e] of candidates) {
      if (this.used + incoming <= this.capBytes) break;
      this.entries.delete(id);
      this.used -= e.size;
      void rm(e.file, { force: true });
    }
  }
}
