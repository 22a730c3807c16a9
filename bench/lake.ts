// npm run bench:lake — the lake browser against the lab's S3 server, each figure beside the bare AWS SDK:
//  1. fills lake-bench/bench/objects/ with 100,000 objects (parallel PutObject, bounded; reused when there);
//  2. first page of 1,000 keys through the console's API vs one ListObjectsV2 call (median of runs);
//  3. the console server's RSS while paging to the end (100 pages) vs the SDK paging in this process;
//  4. bytes read to preview a 100 MB Parquet file (console: ranged reads) vs the SDK way (GET, then read).
// Needs a console: starts its own production server on port 3302 (built in .next-bench when the sources are newer,
// bench/support/console-server.ts), or use --url http://host:port [--pid <server pid>] for a running one.
// Prints a table, then ONE line with a JSON object. Timing never fails the run.
import { execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import { readLabEndpoints, resolveConfig } from "../lib/config-core";
import { startConsoleServer } from "./support/console-server";
import { labS3 } from "../test/lab-s3";

const OBJECTS = 100_000;
const BUCKET = "lake-bench";
const PREFIX = "bench/objects/";
const FILLED_MARKER = `bench/filled-${OBJECTS}`;
const PARQUET_KEY = "bench/parquet/big-100mb.parquet";
/** "100 MB" in the issue: decimal megabytes. */
const PARQUET_MIN_BYTES = 100_000_000;
const FILL_CONCURRENCY = 64;
const FIRST_PAGE_RUNS = 7;
const PORT = 3302;

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const cfg = resolveConfig(process.env, readLabEndpoints());
const s3 = labS3(cfg);

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => bytes / 1024 / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (msg: string) => console.error(`[bench:lake] ${msg}`);
const objectKey = (i: number) => `${PREFIX}obj-${String(i).padStart(6, "0")}.json`;

async function exists(key: string): Promise<number | null> {
  try {
    return Number((await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).ContentLength ?? 0);
  } catch {
    return null;
  }
}

async function pool(count: number, limit: number, fn: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < count) await fn(next++);
  }));
}

/** 100,000 small JSON objects, written once; a marker object says the fill completed. */
async function fillObjects() {
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET })).catch((e) => {
    if (!/BucketAlready/.test(e.name)) throw e;
  });
  if ((await exists(FILLED_MARKER)) !== null && (await exists(objectKey(OBJECTS - 1))) !== null) {
    log(`reusing ${fmt(OBJECTS)} objects under ${BUCKET}/${PREFIX}`);
    return { reused: true, seconds: 0 };
  }
  log(`writing ${fmt(OBJECTS)} objects under ${BUCKET}/${PREFIX} (${FILL_CONCURRENCY} in flight)…`);
  const started = performance.now();
  let done = 0;
  await pool(OBJECTS, FILL_CONCURRENCY, async (i) => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: objectKey(i), Body: JSON.stringify({ id: i, nome: `pessoa ${i}`, at: new Date().toISOString() }), ContentType: "application/json" }));
    if (++done % 10_000 === 0) log(`  ${fmt(done)} / ${fmt(OBJECTS)}`);
  });
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: FILLED_MARKER, Body: new Date().toISOString() }));
  return { reused: false, seconds: (performance.now() - started) / 1000 };
}

/** A ~100 MB Parquet file written with hyparquet-writer's defaults (row groups of 1,000 then 100,000 rows). */
async function ensureParquet(): Promise<number> {
  const size = await exists(PARQUET_KEY);
  if (size !== null && size >= PARQUET_MIN_BYTES) {
    log(`reusing ${BUCKET}/${PARQUET_KEY} (${fmt(size / 1e6, 1)} MB)`);
    return size;
  }
  // Random text does not compress, so ~98 bytes a row: 1,050,000 rows make a bit over 100 MB.
  const rows = 1_050_000;
  log(`writing a ${fmt(rows)}-row Parquet file with hyparquet-writer…`);
  const text = (n: number) => randomBytes(Math.ceil((n * 3) / 4)).toString("base64url").slice(0, n);
  const rand = () => randomBytes(4).readUInt32LE() / 2 ** 32;
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: "id", data: BigInt64Array.from({ length: rows }, (_, i) => BigInt(i)), type: "INT64" },
      { name: "codigo", data: Array.from({ length: rows }, () => text(36)), type: "STRING" },
      { name: "valor", data: Float64Array.from({ length: rows }, () => rand() * 1000), type: "DOUBLE" },
      { name: "criado_em", data: Array.from({ length: rows }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 1000)), type: "TIMESTAMP" },
      { name: "observacao", data: Array.from({ length: rows }, () => text(40)), type: "STRING" },
    ],
  });
  log(`uploading ${fmt(buffer.byteLength / 1e6, 1)} MB with @aws-sdk/lib-storage (multipart)…`);
  await new Upload({ client: s3, params: { Bucket: BUCKET, Key: PARQUET_KEY, Body: new Uint8Array(buffer), ContentType: "application/vnd.apache.parquet" }, partSize: 16 * 1024 * 1024, queueSize: 4 }).done();
  return buffer.byteLength;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/** The pid listening on a local port (the Next.js server, whichever process npx/next spawned). */
function pidOnPort(port: number): number | null {
  try {
    const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
    const m = /pid=(\d+)/.exec(out);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

async function startServer(): Promise<{ url: string; pid: number; child: ChildProcess }> {
  // Builds the console in .next-bench when the sources are newer than its build (bench/support/console-server.ts).
  const server = await startConsoleServer(PORT);
  return { url: server.url, pid: pidOnPort(Number(new URL(server.url).port)) ?? server.pid!, child: server.child };
}

/** A read route's data (the console answers { ok: true, data }). */
async function consoleJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} → HTTP ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { data: T }).data;
}

interface Page {
  objects: unknown[];
  nextToken: string | null;
}

async function main() {
  const fill = await fillObjects();
  const parquetSize = await ensureParquet();

  let server: { url: string; pid: number | null; child?: ChildProcess };
  const given = arg("--url");
  if (given) {
    const port = Number(new URL(given).port || 80);
    server = { url: given.replace(/\/+$/, ""), pid: arg("--pid") ? Number(arg("--pid")) : pidOnPort(port) };
  } else {
    server = await startServer();
  }
  log(`console at ${server.url} (server pid ${server.pid ?? "unknown"})`);
  const api = `${server.url}/api/lake/buckets/${BUCKET}`;
  const pageUrl = (token: string | null) => `${api}/objects?prefix=${encodeURIComponent(PREFIX)}&maxKeys=1000${token ? `&token=${encodeURIComponent(token)}` : ""}`;

  try {
    // 2. First page: warm both paths once, then alternate runs.
    await consoleJson<Page>(pageUrl(null));
    await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX, Delimiter: "/", MaxKeys: 1000 }));
    const consoleMs: number[] = [];
    const sdkMs: number[] = [];
    let firstCount = 0;
    for (let i = 0; i < FIRST_PAGE_RUNS; i++) {
      let t = performance.now();
      const page = await consoleJson<Page>(pageUrl(null));
      consoleMs.push(performance.now() - t);
      firstCount = page.objects.length;
      t = performance.now();
      await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX, Delimiter: "/", MaxKeys: 1000 }));
      sdkMs.push(performance.now() - t);
    }

    // 3. Paging to the end through the console, sampling the server's RSS after every page.
    const pagingSamples: number[] = [];
    let pages = 0;
    let listed = 0;
    let token: string | null = null;
    const baselineRss = server.pid ? rssOf(server.pid) : NaN;
    const pagingStarted = performance.now();
    do {
      const page: Page = await consoleJson<Page>(pageUrl(token));
      pages++;
      listed += page.objects.length;
      token = page.nextToken;
      if (server.pid) pagingSamples.push(rssOf(server.pid));
    } while (token);
    const pagingSeconds = (performance.now() - pagingStarted) / 1000;
    const serverGrowth = server.pid ? Math.max(...pagingSamples) - baselineRss : NaN;

    // The same paging with the bare SDK in this process, keeping nothing (its RSS is the baseline).
    global.gc?.();
    const sdkBaseline = process.memoryUsage().rss;
    let sdkPeak = sdkBaseline;
    let sdkListed = 0;
    let sdkToken: string | undefined;
    const sdkStarted = performance.now();
    do {
      const out = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX, Delimiter: "/", MaxKeys: 1000, ContinuationToken: sdkToken }));
      sdkListed += out.Contents?.length ?? 0;
      sdkToken = out.IsTruncated ? out.NextContinuationToken : undefined;
      sdkPeak = Math.max(sdkPeak, process.memoryUsage().rss);
    } while (sdkToken);
    const sdkPagingSeconds = (performance.now() - sdkStarted) / 1000;

    // 4. Parquet preview: the console's ranged reads vs reading it the SDK way (whole object, then hyparquet).
    let t = performance.now();
    const preview = await consoleJson<{ bytesRead: number; rangeRequests: number; rows: unknown[]; totalRows: number }>(`${api}/preview?key=${encodeURIComponent(PARQUET_KEY)}`);
    const previewMs = performance.now() - t;
    t = performance.now();
    const whole = await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: PARQUET_KEY }))).Body!.transformToByteArray();
    const ab = whole.buffer.slice(whole.byteOffset, whole.byteOffset + whole.byteLength) as ArrayBuffer;
    const metadata = parquetMetadata(ab);
    const sdkRows = await parquetReadObjects({ file: ab, metadata, rowStart: 0, rowEnd: 100 });
    const sdkPreviewMs = performance.now() - t;

    const firstPage = median(consoleMs);
    const sdkFirstPage = median(sdkMs);
    const rows: [string, string, string, string][] = [
      ["objects under the prefix", `${fmt(listed)} listed in ${pages} pages (${fmt(pagingSeconds, 1)} s)`, `${fmt(sdkListed)} (${fmt(sdkPagingSeconds, 1)} s)`, fill.reused ? "filled earlier" : `filled in ${fmt(fill.seconds, 0)} s`],
      [`first page (${fmt(firstCount)} keys), median of ${FIRST_PAGE_RUNS}`, `${fmt(firstPage, 1)} ms`, `${fmt(sdkFirstPage, 1)} ms`, `×${fmt(firstPage / sdkFirstPage, 2)}; target < 500 ms`],
      ["RSS growth while paging to the end", `${fmt(mb(serverGrowth), 1)} MB (server, from ${fmt(mb(baselineRss), 0)} MB)`, `${fmt(mb(sdkPeak - sdkBaseline), 1)} MB (this process)`, `samples: ${pagingSamples.filter((_, i) => i % 25 === 0 || i === pagingSamples.length - 1).map((b) => fmt(mb(b), 0)).join(" → ")} MB`],
      [`bytes read to preview a ${fmt(parquetSize / 1e6, 1)} MB Parquet`, `${fmt(preview.bytesRead)} B in ${preview.rangeRequests} ranges (${fmt(previewMs, 0)} ms)`, `${fmt(whole.byteLength)} B (${fmt(sdkPreviewMs, 0)} ms)`, `×${fmt(preview.bytesRead / whole.byteLength, 4)}; target < 2 MB; ${preview.rows.length}/${sdkRows.length} rows`],
    ];
    const widths = [0, 1, 2, 3].map((c) => Math.max(...[["measure", "console", "bare AWS SDK", "notes"], ...rows].map((r) => r[c].length)));
    const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join(" | ");
    console.log(line(["measure", "console", "bare AWS SDK", "notes"]));
    console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
    for (const r of rows) console.log(line(r));
    console.log(
      JSON.stringify({
        objects: listed,
        first_page_ms: Number(firstPage.toFixed(1)),
        sdk_first_page_ms: Number(sdkFirstPage.toFixed(1)),
        paging_rss_growth_mb: Number(mb(serverGrowth).toFixed(1)),
        parquet_preview_bytes: preview.bytesRead,
      }),
    );
  } finally {
    server.child?.kill();
    s3.destroy();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
