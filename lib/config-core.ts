// The configuration schema, shared by the console (lib/config.ts), the lab scripts (lab/) and tests.
// No "server-only" here so that node scripts can import it; the browser never does.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { CONNECT_WORKER_SEPARATOR, LAB_DEFAULTS, labEndpointsSchema, type LabEndpoints } from "./lab-endpoints";
import type { HubOptions } from "./kafka/tail/types";

/** Where `npm run lab:up` writes the endpoints it used (read by the console at start). */
export const LAB_DIR = path.resolve(/* turbopackIgnore: true */ process.env.LAB_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), ".lab"));
export const LAB_ENDPOINTS_FILE = path.join(LAB_DIR, "endpoints.json");

const port = z.coerce.number().int().min(1).max(65535);
const csv = z
  .string()
  .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.string().min(1)).min(1));
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Every variable, its default and what it points at; the README's configuration table mirrors this. */
export const envSchema = z.object({
  CONSOLE_HOST: z.string().default("127.0.0.1"),
  CONSOLE_PORT: port.default(3000),

  PG_HOST: z.string().default(LAB_DEFAULTS.host),
  PG_PORT: port.default(LAB_DEFAULTS.ports.postgres),
  PG_USER: z.string().default(LAB_DEFAULTS.postgres.user),
  PG_PASSWORD: z.string().default(LAB_DEFAULTS.postgres.password),
  PG_OLTP_DB: z.string().default(LAB_DEFAULTS.postgres.oltpDatabase),
  PG_DW_DB: z.string().default(LAB_DEFAULTS.postgres.dwDatabase),
  /** The warehouse may live on its own server (as in docker/compose.yml); defaults to PG_HOST/PG_PORT. */
  PG_DW_HOST: z.string().optional(),
  PG_DW_PORT: port.optional(),
  PG_CONSOLE_DB: z.string().default(LAB_DEFAULTS.postgres.consoleDatabase),
  /** How Kafka Connect (which may run elsewhere, e.g. in Docker) reaches the OLTP database. */
  PG_HOST_FOR_CONNECT: z.string().optional(),

  KAFKA_BROKERS: csv.default([`${LAB_DEFAULTS.host}:${LAB_DEFAULTS.ports.kafka}`]),
  KAFKA_CLIENT_ID: z.string().default("lab-console"),

  CONNECT_URLS: csv.default([`http://${LAB_DEFAULTS.host}:${LAB_DEFAULTS.ports.connect}`]),

  S3_ENDPOINT: z.url().default(`http://${LAB_DEFAULTS.host}:${LAB_DEFAULTS.ports.s3}`),
  S3_REGION: z.string().default(LAB_DEFAULTS.s3.region),
  S3_ACCESS_KEY: z.string().default(LAB_DEFAULTS.s3.accessKey),
  S3_SECRET_KEY: z.string().default(LAB_DEFAULTS.s3.secretKey),
  S3_FORCE_PATH_STYLE: bool.default(true),
  /** How Kafka Connect reaches the S3 server (the sink's store.url). */
  S3_ENDPOINT_FOR_CONNECT: z.string().optional(),

  /** Login: required whenever CONSOLE_HOST is not a loopback address. A plain secret or an scrypt hash
   *  (`scrypt$<salt b64>$<hash b64>`, made with `npm run hash-password`). */
  CONSOLE_OPERATOR_PASSWORD: z.string().min(1).optional(),
  CONSOLE_VIEWER_PASSWORD: z.string().min(1).optional(),
  /** Signs session cookies; unset, a random key kept in the console's database (lib/auth/sessions/session-store.ts). */
  CONSOLE_SESSION_SECRET: z.string().min(16).optional(),
  CONSOLE_SESSION_HOURS: z.coerce.number().min(0.01).max(24 * 30).default(8),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Addresses of reverse proxies whose X-Forwarded-For is believed (comma-separated IPs); none by default. */
  CONSOLE_TRUSTED_PROXIES: csv.pipe(z.array(z.union([z.ipv4(), z.ipv6()]))).optional(),
  /** Host names (besides loopback) a console without login answers to; any other Host is refused (DNS rebinding). */
  CONSOLE_ALLOWED_HOSTS: csv.optional(),

  HEALTH_TIMEOUT_MS: z.coerce.number().int().min(100).max(30000).default(1500),

  /** The live tail hub (lib/kafka/tail/). */
  TAIL_RING_SIZE: z.coerce.number().int().min(1).max(100_000).default(500),
  TAIL_VIEWER_QUEUE: z.coerce.number().int().min(1).max(100_000).default(1000),
  TAIL_IDLE_CLOSE_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  TAIL_HEARTBEAT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  TAIL_FLUSH_MS: z.coerce.number().int().min(0).max(1000).default(10),
  TAIL_BACKFILL: z.coerce.number().int().min(0).max(100_000).default(100),
  TAIL_MAX_VIEWERS: z.coerce.number().int().min(1).max(100_000).default(2000),

  /** SQL over the lake and the databases (lib/sql). */
  SQL_MEMORY_LIMIT_MB: z.coerce.number().int().min(64).max(1_048_576).default(1024),
  SQL_THREADS: z.coerce.number().int().min(1).max(256).default(2),
  SQL_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  SQL_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  SQL_MAX_FETCH_MB: z.coerce.number().int().min(1).max(1_048_576).default(512),
  SQL_CACHE_MB: z.coerce.number().int().min(16).max(1_048_576).default(2048),
  /** Emptied when the console starts: give it a folder of its own. */
  SQL_CACHE_DIR: z.string().min(1).optional(),
  SQL_MAX_CONCURRENT: z.coerce.number().int().min(1).max(64).default(2),
});


export interface AppConfig {
  console: { host: string; port: number };
  postgres: {
    host: string;
    port: number;
    user: string;
    password: string;
    oltpDatabase: string;
    dwDatabase: string;
    dwHost: string;
    dwPort: number;
    consoleDatabase: string;
    hostForConnect: string;
  };
  kafka: { brokers: string[]; clientId: string };
  /** One entry per Connect cluster: `urls[i]` is its first worker, `workers[i]` all of its workers' URLs. */
  connect: { urls: string[]; workers: string[][] };
  s3: {
    endpoint: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
    forcePathStyle: boolean;
    endpointForConnect: string;
  };
  auth: {
    /** True when the console listens beyond loopback: login required, operator password mandatory. */
    exposed: boolean;
    operatorPassword: string | null;
    viewerPassword: string | null;
    sessionSecret: string | null;
    sessionHours: number;
    /** Proxies whose forwarded headers name the client (CONSOLE_TRUSTED_PROXIES), normalised. */
    trustedProxies: string[];
    /** Extra Host names accepted without login (CONSOLE_ALLOWED_HOSTS), lower case, without port. */
    allowedHosts: string[];
  };
  auditRetentionDays: number;
  healthTimeoutMs: number;
  /** The live tail hub's limits (documented where they are used: lib/kafka/tail/types.ts). */
  tail: HubOptions;
  sql: {
    memoryLimitMb: number;
    threads: number;
    queryTimeoutMs: number;
    maxRows: number;
    maxFetchBytes: number;
    cacheBytes: number;
    cacheDir: string;
    maxConcurrent: number;
  };
}

/** 127.0.0.0/8, ::1 and localhost are loopback; anything else (0.0.0.0, a LAN address, a name) exposes the console. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** An IP address as compared everywhere: lower case, no brackets, IPv4-mapped IPv6 (::ffff:a.b.c.d) as IPv4. */
export function normalizeAddress(address: string): string {
  const a = address.trim().toLowerCase().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  return mapped ? mapped[1] : a;
}

/** Endpoints written by lab:up (lib/lab-endpoints.ts); each becomes the default of the matching variable. */
export function readLabEndpoints(file = LAB_ENDPOINTS_FILE): LabEndpoints {
  if (!existsSync(/* turbopackIgnore: true */ file)) return {};
  try {
    return labEndpointsSchema.parse(JSON.parse(readFileSync(/* turbopackIgnore: true */ file, "utf8")));
  } catch {
    return {};
  }
}

export class ConfigError extends Error {}

/** CONNECT_URLS: clusters separated by ",", the workers of one cluster by "|" (lib/lab-endpoints.ts). */
function connectClusters(entries: string[]): AppConfig["connect"] {
  const workers = entries.map((entry) =>
    entry
      .split(CONNECT_WORKER_SEPARATOR)
      .map((u) => u.trim().replace(/\/+$/, ""))
      .filter(Boolean),
  ).filter((w) => w.length > 0);
  return { urls: workers.map((w) => w[0]), workers };
}

export function resolveConfig(env: Record<string, string | undefined>, lab: LabEndpoints = {}): AppConfig {
  const merged: Record<string, string | undefined> = { ...lab };
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== "") merged[k] = v;
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid console configuration:\n${lines.join("\n")}\nFix the variables above (see the README's configuration table).`);
  }
  const e = parsed.data;
  if (!isLoopbackHost(e.CONSOLE_HOST) && !e.CONSOLE_OPERATOR_PASSWORD) {
    throw new ConfigError(
      `CONSOLE_HOST=${e.CONSOLE_HOST} makes the console reachable from other machines, so it requires a login: ` +
        "set CONSOLE_OPERATOR_PASSWORD (and CONSOLE_VIEWER_PASSWORD for students), or bind to 127.0.0.1.",
    );
  }
  return {
    console: { host: e.CONSOLE_HOST, port: e.CONSOLE_PORT },
    postgres: {
      host: e.PG_HOST,
      port: e.PG_PORT,
      user: e.PG_USER,
      password: e.PG_PASSWORD,
      oltpDatabase: e.PG_OLTP_DB,
      dwDatabase: e.PG_DW_DB,
      dwHost: e.PG_DW_HOST ?? e.PG_HOST,
      dwPort: e.PG_DW_PORT ?? e.PG_PORT,
      consoleDatabase: e.PG_CONSOLE_DB,
      hostForConnect: e.PG_HOST_FOR_CONNECT ?? e.PG_HOST,
    },
    kafka: { brokers: e.KAFKA_BROKERS, clientId: e.KAFKA_CLIENT_ID },
    connect: connectClusters(e.CONNECT_URLS),
    s3: {
      endpoint: e.S3_ENDPOINT,
      region: e.S3_REGION,
      accessKeyId: e.S3_ACCESS_KEY,
      secretAccessKey: e.S3_SECRET_KEY,
      forcePathStyle: e.S3_FORCE_PATH_STYLE,
      endpointForConnect: e.S3_ENDPOINT_FOR_CONNECT ?? e.S3_ENDPOINT,
    },
    auth: {
      exposed: !isLoopbackHost(e.CONSOLE_HOST),
      operatorPassword: e.CONSOLE_OPERATOR_PASSWORD ?? null,
      viewerPassword: e.CONSOLE_VIEWER_PASSWORD ?? null,
      sessionSecret: e.CONSOLE_SESSION_SECRET ?? null,
      sessionHours: e.CONSOLE_SESSION_HOURS,
      trustedProxies: (e.CONSOLE_TRUSTED_PROXIES ?? []).map(normalizeAddress),
      allowedHosts: (e.CONSOLE_ALLOWED_HOSTS ?? []).map((h) => h.toLowerCase().replace(/:\d+$/, "")),
    },
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    healthTimeoutMs: e.HEALTH_TIMEOUT_MS,
    tail: {
      ringSize: e.TAIL_RING_SIZE,
      viewerQueue: e.TAIL_VIEWER_QUEUE,
      idleCloseMs: e.TAIL_IDLE_CLOSE_MS,
      heartbeatMs: e.TAIL_HEARTBEAT_MS,
      flushMs: e.TAIL_FLUSH_MS,
      backfill: Math.min(e.TAIL_BACKFILL, e.TAIL_RING_SIZE),
      maxViewers: e.TAIL_MAX_VIEWERS,
    },
    sql: {
      memoryLimitMb: e.SQL_MEMORY_LIMIT_MB,
      threads: e.SQL_THREADS,
      queryTimeoutMs: e.SQL_QUERY_TIMEOUT_MS,
      maxRows: e.SQL_MAX_ROWS,
      maxFetchBytes: e.SQL_MAX_FETCH_MB * 1024 * 1024,
      cacheBytes: e.SQL_CACHE_MB * 1024 * 1024,
      cacheDir: path.resolve(/* turbopackIgnore: true */ e.SQL_CACHE_DIR ?? path.join(LAB_DIR, "sql-cache")),
      maxConcurrent: e.SQL_MAX_CONCURRENT,
    },
  };
}
