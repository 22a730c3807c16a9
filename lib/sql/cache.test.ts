import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ObjectCache, type CachedObject } from "./cache";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A cache whose "S3" serves `size` bytes per object and counts the GETs. */
async function cache(cap: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sql-cache-test-"));
  dirs.push(dir);
  const gets: string[] = [];
  const c = new ObjectCache(path.join(dir, "c"), cap, async (o) => {
    gets.push(o.key);
    return new Uint8Array(o.size);
  });
  await c.start();
  return { c, gets };
}
const obj = (key: string, size = 40, etag = "e1"): CachedObject => ({ bucket: "b", key, etag, size });

describe("the SQL engine's object cache", () => {
  it("fetches an object once per ETag: a rewritten object is fetched again", async () => {
    const { c, gets } = await cache(1000);
    (await c.acquire([obj("a")], { maxFetchBytes: 1000 })).release();
    const again = await c.acquire([obj("a")], { maxFetchBytes: 1000 });
    expect(again.fetchedBytes).toBe(0);
    again.release();
    (await c.acquire([obj("a", 40, "e2")], { maxFetchBytes: 1000 })).release();
    expect(gets).toEqual(["a", "a"]);
  });

  it("evicts the least recently used objects past the cap, never one a query holds", async () => {
    const { c } = await cache(100);
    const held = await c.acquire([obj("a")], { maxFetchBytes: 1000 });
    (await c.acquire([obj("b")], { maxFetchBytes: 1000 })).release();
    (await c.acquire([obj("c")], { maxFetchBytes: 1000 })).release();
    expect(c.has(obj("a"))).toBe(true); // pinned
    expect(c.has(obj("b"))).toBe(false); // least recently used, evicted for c
    expect(existsSync(held.files[0]!)).toBe(true);
    expect(c.usedBytes()).toBeLessThanOrEqual(100);
    held.release();
  });

  it("refuses, before fetching anything, what would exceed the per-query fetch limit", async () => {
    const { c, gets } = await cache(1000);
    await expect(c.acquire([obj("a"), obj("b")], { maxFetchBytes: 50 })).rejects.toMatchObject({ code: "sql_fetch_limit", params: { bytes: 80, max: 50 } });
    expect(gets).toEqual([]);
  });

  it("empties its folder on start", async () => {
    const { c } = await cache(1000);
    const lease = await c.acquire([obj("a")], { maxFetchBytes: 1000 });
    lease.release();
    const again = new ObjectCache(c.dir, 1000, async () => new Uint8Array(0));
    await again.start();
    expect(existsSync(lease.files[0]!)).toBe(false);
  });
});
