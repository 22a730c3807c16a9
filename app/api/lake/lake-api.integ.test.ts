// The lake's route handlers against the real S3 server, called as Next.js calls them: input validation before
// any S3 request, uploads through the console (single PUT and multipart), downloads by presigned URL, deletes.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBucket, deleteBucket, listBuckets } from "@/lib/s3/buckets/buckets";
import { s3 } from "@/lib/s3/client";
import { config } from "@/lib/config";
import { PART_SIZE } from "@/lib/s3/objects/upload";
import { POST as createBucketRoute } from "./buckets/route";
import { GET as listObjectsRoute, DELETE as deleteObjectsRoute } from "./buckets/[bucket]/objects/route";
import { DELETE as deletePrefixRoute } from "./buckets/[bucket]/prefix/route";
import { GET as statsRoute } from "./buckets/[bucket]/stats/route";
import { GET as downloadRoute } from "./buckets/[bucket]/download/route";
import { GET as previewRoute } from "./buckets/[bucket]/preview/route";
import { PUT as uploadRoute } from "./buckets/[bucket]/upload/[...key]/route";
import { POST as startUploadRoute } from "./buckets/[bucket]/uploads/route";
import { POST as completeUploadRoute } from "./buckets/[bucket]/uploads/[uploadId]/route";
import { PUT as uploadPartRoute } from "./buckets/[bucket]/uploads/[uploadId]/parts/[partNumber]/route";

const BUCKET = `lake-test-${randomUUID().slice(0, 8)}`;
const base = "http://127.0.0.1/api/lake/buckets";
const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });
const json = (method: string, body: unknown) => ({ method, body: JSON.stringify(body), headers: { "content-type": "application/json" } });

// Every request the console's S3 client sends, counted.
let s3Requests = 0;
beforeAll(async () => {
  s3().middlewareStack.add((next) => async (args) => {
    s3Requests++;
    return next(args);
  }, { step: "initialize", name: "lakeTestRequestCounter" });
  await createBucket(BUCKET);
});
afterAll(async () => {
  s3().middlewareStack.remove("lakeTestRequestCounter");
  await deleteBucket(BUCKET, { withObjects: true }).catch(() => undefined);
});

describe("bucket names", () => {
  it.each([
    ["Bad_Name", /lowercase letters, digits/],
    ["ab", /3 to 63 characters/],
    ["-starts-with-hyphen", /starts and ends/],
    ["two..dots", /adjacent dots/],
    ["192.168.5.4", /IP address/],
    ["xn--punycode", /reserved prefix "xn--"/],
    ["data-s3alias", /reserved suffix "-s3alias"/],
  ])("refuses %s with 422 naming the rule, before any request to S3", async (name, rule) => {
    const before = s3Requests;
    const res = await createBucketRoute(new Request(`${base}`, json("POST", { name })), ctx({}));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.ok).toBe(false);
    expect(body.error.message).toMatch(rule);
    expect(s3Requests).toBe(before);
  });

  it("S3Proxy itself would have accepted Bad_Name: it was not created", async () => {
    expect((await listBuckets()).map((b) => b.name)).not.toContain("Bad_Name");
  });

  it("creates a valid name with 201", async () => {
    const name = `lake-test-${randomUUID().slice(0, 8)}-c`;
    const res = await createBucketRoute(new Request(base, json("POST", { name })), ctx({}));
    expect(res.status).toBe(201);
    expect((await res.json()).data.name).toBe(name);
    await deleteBucket(name, { withObjects: false });
  });
});

describe("uploads, downloads and deletes through the console", () => {
  it("uploads a small file with one PUT, previews it and downloads it by presigned URL", async () => {
    const key = "entrada/notas 2026/olá.json";
    const url = `${base}/${BUCKET}/upload/${key.split("/").map(encodeURIComponent).join("/")}`;
    const body = JSON.stringify({ aluno: "Ana", nota: 9.5 });
    const res = await uploadRoute(new Request(url, { method: "PUT", body, headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } }), ctx({ bucket: BUCKET, key: key.split("/") }));
    expect(res.status).toBe(200);
    expect((await res.json()).data).toMatchObject({ key, size: Buffer.byteLength(body) });

    const preview = (await (await previewRoute(new Request(`${base}/${BUCKET}/preview?key=${encodeURIComponent(key)}`), ctx({ bucket: BUCKET }))).json()).data;
    expect(preview).toMatchObject({ kind: "json", valid: true });
    expect(preview.text).toContain('"aluno": "Ana"');

    const signed = (await (await downloadRoute(new Request(`${base}/${BUCKET}/download?key=${encodeURIComponent(key)}&expiresIn=30`), ctx({ bucket: BUCKET }))).json()).data;
    // A presigned URL carries a signature, never the secret key itself.
    expect(signed.url).not.toContain(config().s3.secretAccessKey);
    expect(await (await fetch(signed.url)).text()).toBe(body);

    const redirect = await downloadRoute(new Request(`${base}/${BUCKET}/download?key=${encodeURIComponent(key)}&redirect=1`), ctx({ bucket: BUCKET }));
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toMatch(/X-Amz-Signature=/);
  });

  it("uploads a large file in parts through the console and lists it", async () => {
    const key = "grandes/arquivo.bin";
    const size = PART_SIZE + 4321;
    const data = new Uint8Array(size).map((_, i) => (i * 7) % 256);
    const started = await (await startUploadRoute(new Request(`${base}/${BUCKET}/uploads`, json("POST", { key, contentType: "application/octet-stream" })), ctx({ bucket: BUCKET }))).json();
    expect(started.ok).toBe(true);
    const uploadId = started.data.uploadId as string;
    const parts = [];
    for (let offset = 0, n = 1; offset < size; offset += PART_SIZE, n++) {
      const chunk = data.slice(offset, offset + PART_SIZE);
      const res = await uploadPartRoute(
        new Request(`${base}/${BUCKET}/uploads/${uploadId}/parts/${n}?key=${encodeURIComponent(key)}`, { method: "PUT", body: chunk, headers: { "content-length": String(chunk.byteLength) } }),
        ctx({ bucket: BUCKET, uploadId, partNumber: String(n) }),
      );
      expect(res.status).toBe(200);
      parts.push((await res.json()).data);
    }
    const done = await completeUploadRoute(new Request(`${base}/${BUCKET}/uploads/${uploadId}`, json("POST", { key, size, parts })), ctx({ bucket: BUCKET, uploadId }));
    expect(done.status).toBe(200);
    const page = (await (await listObjectsRoute(new Request(`${base}/${BUCKET}/objects?prefix=grandes/`), ctx({ bucket: BUCKET }))).json()).data;
    expect(page.objects).toEqual([expect.objectContaining({ key, size })]);
  });

  it("refuses a part larger than 8 MiB without writing anything", async () => {
    const res = await uploadPartRoute(
      new Request(`${base}/${BUCKET}/uploads/x/parts/1?key=k`, { method: "PUT", body: new Uint8Array(PART_SIZE + 1), headers: { "content-length": String(PART_SIZE + 1) } }),
      ctx({ bucket: BUCKET, uploadId: "x", partNumber: "1" }),
    );
    expect(res.status).toBe(413);
  });

  it("deletes selected objects, then a whole prefix after counting it", async () => {
    const keys = Array.from({ length: 25 }, (_, i) => `apagar/sub/${i}.txt`);
    for (const k of keys) {
      await uploadRoute(new Request(`${base}/${BUCKET}/upload/${k}`, { method: "PUT", body: "x" }), ctx({ bucket: BUCKET, key: k.split("/") }));
    }
    const one = await (await deleteObjectsRoute(new Request(`${base}/${BUCKET}/objects`, json("DELETE", { keys: [keys[0], keys[1]] })), ctx({ bucket: BUCKET }))).json();
    expect(one).toMatchObject({ ok: true, data: { deleted: 2, errors: [] } });

    const stats = (await (await statsRoute(new Request(`${base}/${BUCKET}/stats?prefix=apagar/`), ctx({ bucket: BUCKET }))).json()).data;
    expect(stats).toMatchObject({ objects: 23, bytes: 23 });
    const gone = await (await deletePrefixRoute(new Request(`${base}/${BUCKET}/prefix`, json("DELETE", { prefix: "apagar/", expectedObjects: stats.objects })), ctx({ bucket: BUCKET }))).json();
    expect(gone).toMatchObject({ ok: true, data: { deleted: 23, errors: [] } });
    const page = (await (await listObjectsRoute(new Request(`${base}/${BUCKET}/objects?prefix=apagar/`), ctx({ bucket: BUCKET }))).json()).data;
    expect(page).toMatchObject({ folders: [], objects: [] });
  });

  it("answers 422 for bad listing input and an empty prefix delete", async () => {
    expect((await listObjectsRoute(new Request(`${base}/${BUCKET}/objects?maxKeys=5000`), ctx({ bucket: BUCKET }))).status).toBe(422);
    expect((await listObjectsRoute(new Request(`${base}/${BUCKET}/objects?prefix=no-slash`), ctx({ bucket: BUCKET }))).status).toBe(422);
    expect((await listObjectsRoute(new Request(`${base}/a%2Fb/objects`), ctx({ bucket: "a/b" }))).status).toBe(422);
    const res = await deletePrefixRoute(new Request(`${base}/${BUCKET}/prefix`, json("DELETE", { prefix: "", expectedObjects: 0 })), ctx({ bucket: BUCKET }));
    expect(res.status).toBe(422);
  });
});
