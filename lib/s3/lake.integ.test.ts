// The lake against the lab's real S3 server (S3Proxy here, MinIO in Docker): paging, previews, presigned
// URLs, uploads and deletes. Everything happens in a bucket of its own, deleted at the end.
import { randomUUID } from "node:crypto";
import { GetObjectCommand, HeadBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { parquetWriteBuffer } from "hyparquet-writer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBucket, deleteBucket, listBuckets } from "./buckets/buckets";
import { s3 } from "./client";
import type { CsvPreview, JsonLinesPreview, JsonPreview, ParquetPreview } from "./shared/lake-types";
import { latestObjects } from "./objects/latest";
import { listObjectsPage } from "./objects/list";
import { countPrefix, deleteKeys, deletePrefix, headObject, presignGet } from "./objects/objects";
import { getBucketAccess, setPublicRead } from "./buckets/policy";
import { previewObject } from "./preview";
import { completeMultipart, PART_SIZE, putObject, startMultipart, uploadPart } from "./objects/upload";

const BUCKET = `lake-test-${randomUUID().slice(0, 8)}`;
const MANY = 10_000;
const enc = new TextEncoder();

async function put(key: string, body: string | Uint8Array, contentType?: string) {
  await s3().send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: typeof body === "string" ? enc.encode(body) : body, ContentType: contentType }));
}

/** Runs `fn` over items with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

beforeAll(async () => {
  await createBucket(BUCKET);
});

afterAll(async () => {
  await deleteBucket(BUCKET, { withObjects: true }).catch(() => undefined);
});

describe("paging", () => {
  const prefix = "many/";
  const keys = Array.from({ length: MANY }, (_, i) => `${prefix}obj-${String(i).padStart(5, "0")}.json`);

  beforeAll(async () => {
    await pool(keys, 32, (key) => put(key, `{"n":${key.slice(-10, -5)}}`));
  }, 300_000);

  it(`lists ${MANY.toLocaleString("en")} objects under one prefix exactly once each, across pages of 1,000`, async () => {
    const seen = new Map<string, number>();
    let token: string | null = null;
    let pages = 0;
    do {
      const page = await listObjectsPage({ bucket: BUCKET, prefix, maxKeys: 1000, token });
      pages++;
      expect(page.objects.length).toBeLessThanOrEqual(1000);
      for (const o of page.objects) seen.set(o.key, (seen.get(o.key) ?? 0) + 1);
      token = page.nextToken;
    } while (token);
    expect(pages).toBe(10);
    expect(seen.size).toBe(MANY);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect([...seen.keys()].sort()).toEqual(keys);
  });

  it("pages with a delimiter too (folders and files together), and counts by paging", async () => {
    const seen = new Set<string>();
    let token: string | null = null;
    do {
      const page = await listObjectsPage({ bucket: BUCKET, prefix, maxKeys: 777, token });
      for (const o of page.objects) {
        expect(seen.has(o.key)).toBe(false);
        seen.add(o.key);
      }
      token = page.nextToken;
    } while (token);
    expect(seen.size).toBe(MANY);
    await expect(countPrefix(BUCKET, prefix)).resolves.toMatchObject({ objects: MANY, requests: 10 });
  });

  it("deletes the whole prefix in batches of 1,000", async () => {
    const result = await deletePrefix(BUCKET, prefix);
    expect(result).toMatchObject({ deleted: MANY, errors: [] });
    expect((await listObjectsPage({ bucket: BUCKET, prefix })).objects).toEqual([]);
  }, 120_000);
});

describe("browsing partitions and the latest objects", () => {
  it("shows key=value folders as partitions and finds the newest files in the newest partition", async () => {
    const base = "topics/lake.public.pessoas/";
    await put(`${base}year=2026/month=10/day=31/old.jsonl`, "{}\n");
    await put(`${base}year=2026/month=11/day=9/a.jsonl`, "{}\n");
    await put(`${base}year=2026/month=11/day=10/b.jsonl`, "{}\n");
    await put(`${base}year=2026/month=11/day=10/c.jsonl`, "{}\n");

    const page = await listObjectsPage({ bucket: BUCKET, prefix: `${base}year=2026/` });
    expect(page.folders.map((f) => f.partition)).toEqual([{ key: "month", value: "10" }, { key: "month", value: "11" }]);

    const latest = await latestObjects({ bucket: BUCKET, prefix: "topics/" });
    expect(latest.path.at(-1)).toBe(`${base}year=2026/month=11/day=10/`);
    expect(latest.objects.map((o) => o.key).sort()).toEqual([`${base}year=2026/month=11/day=10/b.jsonl`, `${base}year=2026/month=11/day=10/c.jsonl`]);

    // A file the sink writes next appears on the next refresh, first.
    await put(`${base}year=2026/month=11/day=10/d.jsonl`, "{}\n");
    const again = await latestObjects({ bucket: BUCKET, prefix: "topics/" });
    expect(again.objects.map((o) => o.key)).toContain(`${base}year=2026/month=11/day=10/d.jsonl`);
  });
});

describe("previews", () => {
  it("pretty-prints JSON", async () => {
    await put("p/doc.json", '{"cliente":{"nome":"Ana","idade":30},"itens":[1,2]}', "application/json");
    const p = (await previewObject(BUCKET, "p/doc.json")) as JsonPreview;
    expect(p.kind).toBe("json");
    expect(p.valid).toBe(true);
    expect(p.text).toContain('\n  "cliente": {\n    "nome": "Ana"');
  });

  it("decodes the change events of a JSON Lines file as the sink writes it", async () => {
    const source = { connector: "postgresql", db: "liga_sudoers", schema: "public", table: "pessoas", ts_ms: 1764300000000 };
    const lines = [
      { op: "c", before: null, after: { id: 1, nome: "Ana" }, source, ts_ms: 1 },
      { op: "u", before: { id: 1, nome: "Ana" }, after: { id: 1, nome: "Ana (Atualizado)" }, source, ts_ms: 2 },
      { op: "d", before: { id: 1, nome: "Ana (Atualizado)" }, after: null, source, ts_ms: 3 },
    ];
    await put("p/events.jsonl", lines.map((l) => JSON.stringify(l)).join("\n") + "\n", "application/x-ndjson");
    const p = (await previewObject(BUCKET, "p/events.jsonl")) as JsonLinesPreview;
    expect(p.kind).toBe("jsonl");
    expect(p.lines.map((l) => l.event?.op)).toEqual(["c", "u", "d"]);
    expect(p.lines[1].event).toMatchObject({ table: "public.pessoas", changed: ["nome"] });
  });

  it("reads only the first 64 KB of a large JSON Lines file and drops the cut line", async () => {
    const line = JSON.stringify({ id: 0, texto: "x".repeat(100) });
    const body = Array.from({ length: 2000 }, (_, i) => line.replace('"id":0', `"id":${i}`)).join("\n");
    await put("p/big.jsonl", body);
    const p = (await previewObject(BUCKET, "p/big.jsonl")) as JsonLinesPreview;
    expect(p.bytesRead).toBe(64 * 1024);
    expect(p.truncated).toBe(true);
    expect(p.lines.every((l) => l.valid)).toBe(true);
    expect(p.lines.map((l) => JSON.parse(l.text).id)).toEqual(Array.from({ length: p.lines.length }, (_, i) => i));
  });

  it("shows CSV as a table (quotes, ; delimiter)", async () => {
    await put("p/vendas.csv", 'id;nome;valor\n1;"Silva; Ana";10,50\n2;Bruno;7\n', "text/csv");
    const p = (await previewObject(BUCKET, "p/vendas.csv")) as CsvPreview;
    expect(p).toMatchObject({ kind: "csv", delimiter: ";", header: ["id", "nome", "valor"], rows: [["1", "Silva; Ana", "10,50"], ["2", "Bruno", "7"]], truncated: false });
  });

  it("reads a Parquet file written with hyparquet-writer by ranged reads: schema, row groups, first 100 rows", async () => {
    const n = 200_000;
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: "id", data: Array.from({ length: n }, (_, i) => BigInt(i)), type: "INT64" },
        { name: "nome", data: Array.from({ length: n }, (_, i) => `pessoa ${i}`), type: "STRING" },
        { name: "valor", data: Array.from({ length: n }, (_, i) => i / 4), type: "DOUBLE" },
      ],
      rowGroupSize: 10_000,
    });
    await put("p/pessoas.parquet", new Uint8Array(buffer));
    const p = (await previewObject(BUCKET, "p/pessoas.parquet")) as ParquetPreview;
    expect(p.kind).toBe("parquet");
    expect(p.columns.map((c) => [c.name, c.type])).toEqual([["id", "INT64"], ["nome", "BYTE_ARRAY"], ["valor", "DOUBLE"]]);
    expect(p.totalRows).toBe(n);
    expect(p.rowGroups.map((g) => g.rows)).toEqual(Array(20).fill(10_000));
    expect(p.rows).toHaveLength(100);
    expect(p.rows[0]).toEqual({ id: "0", nome: "pessoa 0", valor: 0 });
    expect(p.rows[99]).toEqual({ id: "99", nome: "pessoa 99", valor: 24.75 });
    // The footer and the first pages only: a small fraction of the file.
    expect(buffer.byteLength).toBeGreaterThan(2_000_000);
    expect(p.bytesRead).toBeLessThan(buffer.byteLength / 10);
    expect(p.rangeRequests).toBeGreaterThanOrEqual(2);
  });
});

describe("objects", () => {
  it("reads metadata: size, ETag, last modified, content type and user metadata", async () => {
    await s3().send(new PutObjectCommand({ Bucket: BUCKET, Key: "m/meta.txt", Body: enc.encode("olá"), ContentType: "text/plain", Metadata: { origem: "teste" } }));
    const meta = await headObject(BUCKET, "m/meta.txt");
    expect(meta).toMatchObject({ size: 4, contentType: expect.stringMatching(/^text\/plain/), userMetadata: { origem: "teste" } });
    expect(meta.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(Date.now() - Date.parse(meta.lastModified!)).toBeLessThan(120_000);
  });

  it("a presigned URL downloads the object, then expires", async () => {
    await put("m/download.txt", "conteúdo para baixar");
    const signed = await presignGet(BUCKET, "m/download.txt", { expiresIn: 2, download: true });
    expect(signed.url).not.toContain("sudoers1234");
    const ok = await fetch(signed.url);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("conteúdo para baixar");
    expect(ok.headers.get("content-disposition") ?? "").toContain("download.txt");
    await expect.poll(async () => (await fetch(signed.url)).status, { timeout: 10_000, interval: 500 }).toBe(403);
  });

  it("uploads a small file in one PUT and a large one in 8 MiB parts", async () => {
    const small = await putObject(BUCKET, "u/small.txt", enc.encode("pequeno"), "text/plain");
    expect(small.size).toBe(7);
    const size = PART_SIZE * 2 + 1234;
    const data = new Uint8Array(size).map((_, i) => i % 251);
    const started = await startMultipart(BUCKET, "u/large.bin", "application/octet-stream");
    const parts = [];
    for (let offset = 0, n = 1; offset < size; offset += PART_SIZE, n++) {
      parts.push(await uploadPart(BUCKET, "u/large.bin", started.uploadId, n, data.subarray(offset, offset + PART_SIZE)));
    }
    await completeMultipart(BUCKET, "u/large.bin", started.uploadId, parts, size);
    expect((await headObject(BUCKET, "u/large.bin")).size).toBe(size);
    const back = await s3().send(new GetObjectCommand({ Bucket: BUCKET, Key: "u/large.bin", Range: `bytes=${PART_SIZE - 2}-${PART_SIZE + 1}` }));
    expect([...(await back.Body!.transformToByteArray())]).toEqual([...data.subarray(PART_SIZE - 2, PART_SIZE + 2)]);
  });

  it("deletes one and many objects", async () => {
    await Promise.all(["d/1", "d/2", "d/3"].map((k) => put(k, "x")));
    await expect(deleteKeys(BUCKET, ["d/1"])).resolves.toMatchObject({ deleted: 1, errors: [] });
    await expect(deleteKeys(BUCKET, ["d/2", "d/3"])).resolves.toMatchObject({ deleted: 2, errors: [] });
    expect((await listObjectsPage({ bucket: BUCKET, prefix: "d/" })).objects).toEqual([]);
  });
});

describe("buckets", () => {
  it("creates, lists and deletes a bucket with its objects after the count", async () => {
    const name = `lake-test-${randomUUID().slice(0, 8)}-b`;
    await createBucket(name);
    expect((await listBuckets()).map((b) => b.name)).toContain(name);
    await s3().send(new PutObjectCommand({ Bucket: name, Key: "a/1.txt", Body: "1" }));
    await s3().send(new PutObjectCommand({ Bucket: name, Key: "2.txt", Body: "22" }));
    await expect(countPrefix(name, "")).resolves.toMatchObject({ objects: 2, bytes: 3 });
    await expect(deleteBucket(name, { withObjects: false })).rejects.toMatchObject({ status: 409, code: "bucket_not_empty" });
    await expect(deleteBucket(name, { withObjects: true })).resolves.toMatchObject({ objects: { deleted: 2 } });
    await expect(s3().send(new HeadBucketCommand({ Bucket: name }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
  });

  it("says plainly that this S3 server has no bucket policies", async () => {
    // Before anyone tried to change one: the page must not offer a button the server will refuse.
    await expect(getBucketAccess(BUCKET)).resolves.toEqual({ bucket: BUCKET, access: "unsupported" });
    await expect(getBucketAccess(`${BUCKET}-missing`)).rejects.toMatchObject({ status: 404, code: "no_such_bucket" });
    await expect(setPublicRead(BUCKET, true)).rejects.toMatchObject({ status: 501, code: "policy_not_supported", message: expect.stringMatching(/not supported by this S3 server/) });
    await expect(getBucketAccess(BUCKET)).resolves.toEqual({ bucket: BUCKET, access: "unsupported" });
  });

  it("names a missing bucket and the fix", async () => {
    await expect(listObjectsPage({ bucket: "lake-test-missing-bucket" })).rejects.toMatchObject({ status: 404, code: "no_such_bucket", message: expect.stringMatching(/does not exist/) });
  });
});
