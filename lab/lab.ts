// The lab without Docker: PostgreSQL (Debian's binaries), Kafka (KRaft), Kafka Connect with Debezium and the
// lab's S3 sink, and S3Proxy — all local processes under .lab/. Usage: tsx lab/lab.ts up|down|status|reset
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CreateBucketCommand, ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { Kafka, logLevel } from "kafkajs";
import pg from "pg";
import { applyMigrations } from "../prisma/migrate";
import { kafkaClusterId } from "./cluster-id";
import { LabError, ensureDir, portOpen, run, runningPid, spawnDetached, stopPid, tail, waitFor, which } from "./proc";

const ROOT = path.resolve(__dirname, "..");
const LAB = path.resolve(process.env.LAB_DIR ?? path.join(ROOT, ".lab"));
const dirs = {
  logs: path.join(LAB, "logs"),
  run: path.join(LAB, "run"),
  conf: path.join(LAB, "conf"),
  data: path.join(LAB, "data"),
  lib: path.join(LAB, "lib"),
  plugins: path.join(LAB, "plugins"),
};
const envPort = (name: string, def: number) => {
  const v = Number(process.env[name] ?? def);
  if (!Number.isInteger(v) || v < 1 || v > 65535) throw new LabError(`${name}=${process.env[name]} is not a valid port`);
  return v;
};
const ports = {
  postgres: envPort("LAB_PG_PORT", 55432),
  kafka: envPort("LAB_KAFKA_PORT", 9092),
  controller: envPort("LAB_KAFKA_CONTROLLER_PORT", 9093),
  connect: envPort("LAB_CONNECT_PORT", 8083),
  s3: envPort("LAB_S3_PORT", 9000),
};
const HOST = "127.0.0.1";
const PG = { user: "sudoers", password: "sudoers", databases: ["liga_sudoers", "liga_sudoers_dw", "lab_console"] };
const S3 = { accessKey: "sudoers123", secretKey: "sudoers1234", buckets: ["raw", "trusted", "refined"] };
const READY_TIMEOUT_MS = Number(process.env.LAB_READY_TIMEOUT_MS ?? 120_000);
const DEBEZIUM_CLASS = "io.debezium.connector.postgresql.PostgresConnector";
const S3_SINK_CLASS = "lab.console.connect.s3.S3SinkConnector";
const JAVA_OPTS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"];

type ServiceName = "postgres" | "kafka" | "s3" | "connect";
const isService = (s: string | undefined): s is ServiceName => ["postgres", "kafka", "s3", "connect"].includes(s ?? "");
const pidFile = (s: ServiceName) => path.join(dirs.run, `${s}.pid`);
const logFile = (s: ServiceName) => (s === "postgres" ? pgPaths().log : path.join(dirs.logs, `${s}.log`));

const log = (msg: string) => process.stdout.write(`[lab] ${msg}\n`);

// ---------------------------------------------------------------- preflight

interface Tools {
  java: string;
  pgBin: string;
}

function preflight(): Tools {
  const problems: string[] = [];
  const java = which("java");
  if (!java) problems.push("Java 17+ not found. Install it: apt-get install -y openjdk-17-jre-headless");
  else {
    const v = run("java", ["-version"]).out;
    const major = Number(/version "(\d+)/.exec(v)?.[1] ?? 0);
    if (major < 17) problems.push(`Java ${major || "?"} found; the lab needs Java 17+. Install openjdk-17-jre-headless and put it first on PATH.`);
  }
  if (!which("mvn")) problems.push("Maven not found (it resolves the lab's jars from Maven Central). Install it: apt-get install -y maven");
  const pgRoot = "/usr/lib/postgresql";
  const versions = existsSync(pgRoot) ? readdirSync(pgRoot).filter((v) => existsSync(path.join(pgRoot, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a)) : [];
  const pgBin = process.env.LAB_PG_BIN ?? (versions[0] ? path.join(pgRoot, versions[0], "bin") : "");
  if (!pgBin || !existsSync(path.join(pgBin, "pg_ctl"))) {
    problems.push("PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin. Install them: apt-get install -y postgresql-15 (or set LAB_PG_BIN)");
  }
  if (problems.length) throw new LabError(problems.join("\n"));
  return { java: java!, pgBin };
}

/** Fail before starting anything when a port we need is held by a process that is not ours. */
async function checkPorts(): Promise<void> {
  const owners: Record<ServiceName, number[]> = {
    postgres: [ports.postgres],
    kafka: [ports.kafka, ports.controller],
    s3: [ports.s3],
    connect: [ports.connect],
  };
  const taken: string[] = [];
  for (const [svc, list] of Object.entries(owners) as [ServiceName, number[]][]) {
    if (runningPid(pidFile(svc))) continue; // ours, already running
    for (const p of list) {
      if (await portOpen(p)) taken.push(`port ${p} (needed by ${svc}) is already in use by another process; stop it, or pick another port with ${portVar(svc, p)}=<port>`);
    }
  }
  if (taken.length) throw new LabError(taken.join("\n"));
}

function portVar(svc: ServiceName, p: number): string {
  if (svc === "kafka") return p === ports.controller ? "LAB_KAFKA_CONTROLLER_PORT" : "LAB_KAFKA_PORT";
  return { postgres: "LAB_PG_PORT", s3: "LAB_S3_PORT", connect: "LAB_CONNECT_PORT" }[svc];
}

// ---------------------------------------------------------------- jars (Maven Central → ~/.m2 → .lab/)

function jarsStamp(): string {
  const h = createHash("sha256");
  const files = [path.join(ROOT, "lab/pom.xml"), path.join(ROOT, "lab/s3-sink/pom.xml")];
  const src = path.join(ROOT, "lab/s3-sink/src/main");
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(src);
  for (const f of files.sort()) if (existsSync(f)) h.update(f).update(readFileSync(f));
  return h.digest("hex");
}

const expectedJars = () => [
  { what: "Kafka broker (org.apache.kafka:kafka_2.13)", ok: () => hasFile(path.join(dirs.lib, "kafka"), /^kafka_2\.13-.*\.jar$/) },
  { what: "Kafka Connect runtime (org.apache.kafka:connect-runtime)", ok: () => hasFile(path.join(dirs.lib, "kafka"), /^connect-runtime-.*\.jar$/) },
  { what: "log4j2 runtime (org.apache.logging.log4j:log4j-core)", ok: () => hasFile(path.join(dirs.lib, "kafka"), /^log4j-core-.*\.jar$/) },
  { what: "Debezium PostgreSQL connector (io.debezium:debezium-connector-postgres:plugin)", ok: () => hasFile(path.join(dirs.plugins, "debezium-connector-postgres"), /^debezium-connector-postgres-.*\.jar$/) },
  { what: "the lab's S3 sink connector (lab/s3-sink)", ok: () => hasFile(path.join(dirs.plugins, "lab-s3-sink"), /^lab-s3-sink-.*\.jar$/) },
  { what: "S3Proxy (org.gaul:s3proxy:jar-with-dependencies)", ok: () => existsSync(path.join(dirs.lib, "s3proxy", "s3proxy.jar")) },
];

function hasFile(dir: string, re: RegExp): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => re.test(f));
}

/** Returns true when the jars changed (running JVMs then still hold the old ones). */
function resolveJars(): boolean {
  const stampFile = path.join(LAB, "jars.stamp");
  const stamp = jarsStamp();
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp && expectedJars().every((j) => j.ok())) return false;
  log("resolving jars from Maven Central (first run downloads ~250 MB into ~/.m2)…");
  ensureDir(dirs.logs);
  const mvnLog = path.join(dirs.logs, "maven.log");
  writeFileSync(mvnLog, "");
  // Remove stale copies so that a version change never leaves two versions on one classpath.
  rmSync(dirs.lib, { recursive: true, force: true });
  rmSync(dirs.plugins, { recursive: true, force: true });
  rmSync(path.join(LAB, "maven-markers"), { recursive: true, force: true });
  for (const pom of ["lab/pom.xml", "lab/s3-sink/pom.xml"]) {
    const r = run("mvn", ["-B", "-q", "-f", path.join(ROOT, pom), "package", "-DskipTests"], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    writeFileSync(mvnLog, r.out, { flag: "a" });
    if (!r.ok) {
      const missing = /Could not (?:resolve|find) (?:dependencies|artifact)[^\n]*/.exec(r.out)?.[0];
      throw new LabError(`Maven could not build ${pom}${missing ? `: ${missing}` : ""}. Check your access to Maven Central; full output in ${mvnLog}`, mvnLog);
    }
  }
  const missing = expectedJars().filter((j) => !j.ok());
  if (missing.length) throw new LabError(`these jars did not resolve: ${missing.map((m) => m.what).join(", ")} (see ${mvnLog})`, mvnLog);
  writeFileSync(stampFile, stamp);
  return true;
}

// ---------------------------------------------------------------- PostgreSQL

/**
 * Where PostgreSQL keeps its data, socket and log: under .lab/ — except when running as root in a folder the
 * `postgres` user cannot reach (a clone under /root, say), since PostgreSQL refuses to run as root. Then under
 * /var/tmp/lab-console-<hash of .lab's path>/, which lab:reset wipes too.
 */
let pgPlaces: { data: string; socket: string; log: string; outside: string | null } | undefined;
function pgPaths() {
  if (pgPlaces) return pgPlaces;
  ensureDir(LAB);
  const reachable = process.getuid?.() !== 0 || run("runuser", ["-u", "postgres", "--", "test", "-x", LAB]).ok;
  if (reachable) {
    pgPlaces = { data: path.join(dirs.data, "postgres"), socket: path.join(dirs.run, "pg"), log: path.join(dirs.logs, "postgres.log"), outside: null };
  } else {
    const base = path.join("/var/tmp", `lab-console-${createHash("sha256").update(LAB).digest("hex").slice(0, 12)}`);
    pgPlaces = { data: path.join(base, "data"), socket: path.join(base, "run"), log: path.join(base, "postgres.log"), outside: base };
  }
  return pgPlaces;
}
const pgData = () => pgPaths().data;
const pgSocketDir = () => pgPaths().socket;

/** PostgreSQL refuses to run as root: as root, run its tools as the system's postgres user. */
function asPgUser(cmd: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [cmd, args];
  if (!run("id", ["-u", "postgres"]).ok) throw new LabError("running as root and no 'postgres' user exists to run PostgreSQL as; create one (useradd -r postgres) or run as a normal user");
  return ["runuser", ["-u", "postgres", "--", cmd, ...args]];
}

function pgOwn(dir: string): void {
  if (process.getuid?.() === 0) run("chown", ["-R", "postgres:postgres", dir]);
}

async function startPostgres(t: Tools): Promise<boolean> {
  const outside = pgPaths().outside;
  if (outside) {
    ensureDir(outside);
    pgOwn(outside);
    log(`postgres: the postgres user cannot reach ${LAB}; its files go to ${outside}`);
  }
  ensureDir(pgSocketDir());
  pgOwn(pgSocketDir());
  const data = pgData();
  if (!existsSync(path.join(data, "PG_VERSION"))) {
    log("initialising PostgreSQL cluster…");
    ensureDir(data);
    pgOwn(data);
    const [c, a] = asPgUser(path.join(t.pgBin, "initdb"), ["-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]);
    const r = run(c, a);
    if (!r.ok) throw new LabError(`initdb failed:\n${r.out}`);
    writeFileSync(
      path.join(data, "postgresql.auto.conf"),
      [
        `listen_addresses = '${HOST}'`,
        `unix_socket_directories = '${pgSocketDir()}'`,
        "wal_level = logical",
        "max_replication_slots = 10",
        "max_wal_senders = 10",
        "shared_buffers = 128MB",
        "synchronous_commit = off", // a throwaway teaching cluster: favour generator throughput
        "max_connections = 200",
        "",
      ].join("\n"),
      { flag: "a" },
    );
    writeFileSync(path.join(data, "pg_hba.conf"), ["local all all trust", `host all all ${HOST}/32 scram-sha-256`, `host replication all ${HOST}/32 scram-sha-256`, ""].join("\n"));
    pgOwn(data);
  }
  if (runningPid(pidFile("postgres"))) return false;
  const [c, a] = asPgUser(path.join(t.pgBin, "pg_ctl"), ["-D", data, "-l", logFile("postgres"), "-o", `-p ${ports.postgres}`, "-w", "-t", "60", "start"]);
  ensureDir(dirs.logs);
  writeFileSync(logFile("postgres"), "", { flag: "a" });
  pgOwn(logFile("postgres"));
  const r = run(c, a);
  if (!r.ok) throw new LabError(`PostgreSQL did not start:\n${r.out}`, logFile("postgres"));
  const pid = readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0];
  writeFileSync(pidFile("postgres"), `${pid}\n`);
  return true;
}

async function bootstrapPostgres(): Promise<void> {
  const admin = (database = "postgres") => new pg.Client({ host: pgSocketDir(), port: ports.postgres, user: "postgres", database });
  await waitFor("PostgreSQL", async () => {
    const c = admin();
    await c.connect();
    await c.query("SELECT 1");
    await c.end();
    return true;
  }, 30_000, logFile("postgres"));
  const c = admin();
  await c.connect();
  try {
    const role = await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [PG.user]);
    // Like the upstream postgres image's POSTGRES_USER: a superuser that can also replicate.
    if (!role.rowCount) await c.query(`CREATE ROLE ${PG.user} WITH LOGIN SUPERUSER REPLICATION PASSWORD '${PG.password}'`);
    for (const db of PG.databases) {
      const exists = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [db]);
      if (!exists.rowCount) await c.query(`CREATE DATABASE ${db} OWNER ${PG.user}`);
    }
  } finally {
    await c.end();
  }
  const sql = (f: string) => readFileSync(path.join(ROOT, "lab/sql", f), "utf8");
  const asSudoers = async (db: string, fn: (c: pg.Client) => Promise<void>) => {
    const u = new pg.Client({ host: pgSocketDir(), port: ports.postgres, user: PG.user, database: db });
    await u.connect();
    try {
      await fn(u);
    } finally {
      await u.end();
    }
  };
  await asSudoers("liga_sudoers", async (u) => {
    await u.query(sql("oltp-schema.sql"));
    await u.query(sql("oltp-seed.sql"));
  });
  await asSudoers("liga_sudoers_dw", async (u) => void (await u.query(sql("dw-schema.sql"))));
  await asSudoers("lab_console", async (u) => {
    const applied = await applyMigrations(u);
    if (applied.length) log(`lab_console: applied migrations ${applied.join(", ")}`);
  });
}

// ---------------------------------------------------------------- Kafka (KRaft) and Connect

function writeLog4j(): string {
  const file = path.join(dirs.conf, "log4j2.xml");
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="WARN">
  <Appenders><Console name="out" target="SYSTEM_OUT"><PatternLayout pattern="[%d] %p %m (%c{1})%n"/></Console></Appenders>
  <Loggers>
    <Logger name="org.reflections" level="ERROR"/>
    <Logger name="org.apache.kafka.clients" level="WARN"/>
    <Logger name="org.apache.kafka.common.config" level="WARN"/>
    <Logger name="org.apache.kafka.common.utils.AppInfoParser" level="WARN"/>
    <Logger name="kafka.server.KafkaConfig" level="WARN"/>
    <Root level="INFO"><AppenderRef ref="out"/></Root>
  </Loggers>
</Configuration>
`,
  );
  return file;
}

const kafkaClasspath = () => `${path.join(dirs.lib, "kafka")}/*`;

async function startKafka(t: Tools): Promise<boolean> {
  if (runningPid(pidFile("kafka"))) return false;
  const data = path.join(dirs.data, "kafka");
  const props = path.join(dirs.conf, "kafka.properties");
  writeFileSync(
    props,
    [
      "process.roles=broker,controller",
      "node.id=1",
      `controller.quorum.voters=1@${HOST}:${ports.controller}`,
      `listeners=PLAINTEXT://${HOST}:${ports.kafka},CONTROLLER://${HOST}:${ports.controller}`,
      `advertised.listeners=PLAINTEXT://${HOST}:${ports.kafka}`,
      "controller.listener.names=CONTROLLER",
      "inter.broker.listener.name=PLAINTEXT",
      "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
      `log.dirs=${data}`,
      "num.partitions=1",
      // A single broker: internal topics must have replication factor 1 or consumers never find a coordinator.
      "offsets.topic.replication.factor=1",
      "transaction.state.log.replication.factor=1",
      "transaction.state.log.min.isr=1",
      "share.coordinator.state.topic.replication.factor=1",
      "share.coordinator.state.topic.min.isr=1",
      "group.initial.rebalance.delay.ms=0",
      "auto.create.topics.enable=true",
      "delete.topic.enable=true",
      "log.retention.hours=168",
      "",
    ].join("\n"),
  );
  const log4j = writeLog4j();
  if (!existsSync(path.join(data, "meta.properties"))) {
    ensureDir(data);
    const clusterId = kafkaClusterId();
    const r = run(t.java, ["-cp", kafkaClasspath(), `-Dlog4j2.configurationFile=${log4j}`, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", props]);
    if (!r.ok) throw new LabError(`formatting Kafka's KRaft storage failed:\n${r.out}`);
  }
  spawnDetached(t.java, ["-Xms256m", "-Xmx512m", ...JAVA_OPTS, `-Dlog4j2.configurationFile=${log4j}`, `-Dkafka.logs.dir=${dirs.logs}`, "-cp", kafkaClasspath(), "kafka.Kafka", props], {
    logFile: logFile("kafka"),
    pidFile: pidFile("kafka"),
  });
  return true;
}

async function kafkaRoundTrip(): Promise<boolean> {
  const kafka = new Kafka({ clientId: "lab-up", brokers: [`${HOST}:${ports.kafka}`], logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 2000 });
  const topic = "_lab_readiness";
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  const token = randomBytes(8).toString("hex");
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ value: token }] });
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: `lab-up-${token}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    const seen = new Promise<boolean>((resolve) => {
      void consumer.run({ eachMessage: async ({ message }) => void (message.value?.toString() === token && resolve(true)) });
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 20_000)));
    return await Promise.race([seen, timeout]).finally(() => clearTimeout(timer));
  } finally {
    await consumer.disconnect();
    const cleanup = kafka.admin();
    await cleanup.connect();
    await cleanup.deleteGroups([`lab-up-${token}`]).catch(() => undefined);
    await cleanup.disconnect();
  }
}

async function startConnect(t: Tools): Promise<boolean> {
  if (runningPid(pidFile("connect"))) return false;
  const props = path.join(dirs.conf, "connect.properties");
  writeFileSync(
    props,
    [
      `bootstrap.servers=${HOST}:${ports.kafka}`,
      // The seed's Debezium image: group liga_sudoers and its three storage topics.
      "group.id=liga_sudoers",
      "config.storage.topic=debezium_configs",
      "offset.storage.topic=debezium_offsets",
      "status.storage.topic=debezium_status",
      "config.storage.replication.factor=1",
      "offset.storage.replication.factor=1",
      "status.storage.replication.factor=1",
      "key.converter=org.apache.kafka.connect.storage.StringConverter",
      "value.converter=org.apache.kafka.connect.json.JsonConverter",
      "value.converter.schemas.enable=true",
      `listeners=http://${HOST}:${ports.connect}`,
      `rest.advertised.host.name=${HOST}`,
      `rest.advertised.port=${ports.connect}`,
      `plugin.path=${dirs.plugins}`,
      "offset.flush.interval.ms=1000",
      "connector.client.config.override.policy=All",
      "",
    ].join("\n"),
  );
  const log4j = writeLog4j();
  spawnDetached(t.java, ["-Xms256m", "-Xmx1g", ...JAVA_OPTS, `-Dlog4j2.configurationFile=${log4j}`, "-cp", kafkaClasspath(), "org.apache.kafka.connect.cli.ConnectDistributed", props], {
    logFile: logFile("connect"),
    pidFile: pidFile("connect"),
  });
  return true;
}

async function connectReady(): Promise<boolean> {
  const res = await fetch(`http://${HOST}:${ports.connect}/connector-plugins`, { signal: AbortSignal.timeout(2000) });
  if (!res.ok) return false;
  const classes = ((await res.json()) as { class: string }[]).map((p) => p.class);
  const missing = [DEBEZIUM_CLASS, S3_SINK_CLASS].filter((c) => !classes.includes(c));
  if (missing.length) throw new Error(`Connect is up but does not list ${missing.join(", ")}`);
  return true;
}

// ---------------------------------------------------------------- S3Proxy

async function startS3(t: Tools): Promise<boolean> {
  if (runningPid(pidFile("s3"))) return false;
  const base = ensureDir(path.join(dirs.data, "s3"));
  const props = path.join(dirs.conf, "s3proxy.properties");
  writeFileSync(
    props,
    [
      `s3proxy.endpoint=http://${HOST}:${ports.s3}`,
      "s3proxy.authorization=aws-v2-or-v4",
      `s3proxy.identity=${S3.accessKey}`,
      `s3proxy.credential=${S3.secretKey}`,
      "s3proxy.cors-allow-all=false",
      "jclouds.provider=filesystem",
      `jclouds.filesystem.basedir=${base}`,
      "",
    ].join("\n"),
  );
  spawnDetached(t.java, ["-Xms64m", "-Xmx256m", ...JAVA_OPTS, "-jar", path.join(dirs.lib, "s3proxy", "s3proxy.jar"), "--properties", props], {
    logFile: logFile("s3"),
    pidFile: pidFile("s3"),
  });
  return true;
}

function s3Client(): S3Client {
  return new S3Client({
    endpoint: `http://${HOST}:${ports.s3}`,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: S3.accessKey, secretAccessKey: S3.secretKey },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

async function ensureBuckets(): Promise<void> {
  const s3 = s3Client();
  const have = new Set(((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name));
  for (const b of S3.buckets) if (!have.has(b)) await s3.send(new CreateBucketCommand({ Bucket: b }));
  s3.destroy();
}

// ---------------------------------------------------------------- commands

function writeEndpoints(): void {
  const endpoints = {
    PG_PORT: String(ports.postgres),
    KAFKA_BROKERS: `${HOST}:${ports.kafka}`,
    CONNECT_URLS: `http://${HOST}:${ports.connect}`,
    S3_ENDPOINT: `http://${HOST}:${ports.s3}`,
  };
  writeFileSync(path.join(LAB, "endpoints.json"), `${JSON.stringify(endpoints, null, 2)}\n`);
}

async function up(): Promise<void> {
  const t0 = Date.now();
  const tools = preflight();
  for (const d of Object.values(dirs)) ensureDir(d);
  await checkPorts();
  if (resolveJars()) {
    // New jars or plugins: JVMs started before must restart to load them.
    for (const svc of ["connect", "kafka", "s3"] as ServiceName[]) if (await stopService(svc)) log(`${svc} restarted to load the new jars`);
  }
  const started: ServiceName[] = [];
  const step = async (svc: ServiceName, start: () => Promise<boolean>, ready: () => Promise<unknown>) => {
    try {
      if (await start()) started.push(svc);
      await ready();
      log(`${svc.padEnd(8)} ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } catch (e) {
      const err = e instanceof LabError ? e : new LabError((e as Error).message);
      throw new LabError(`${svc}: ${err.message}`, err.logFile ?? logFile(svc));
    }
  };
  try {
    await Promise.all([
      step("postgres", () => startPostgres(tools), bootstrapPostgres),
      step("s3", () => startS3(tools), () => waitFor("S3Proxy", async () => (await ensureBuckets(), true), READY_TIMEOUT_MS, logFile("s3"))),
      (async () => {
        await step("kafka", () => startKafka(tools), () => waitFor("Kafka produce/consume round trip", kafkaRoundTrip, READY_TIMEOUT_MS, logFile("kafka")));
        await step("connect", () => startConnect(tools), () => waitFor("Kafka Connect with both connector plugins", connectReady, READY_TIMEOUT_MS, logFile("connect")));
      })(),
    ]);
  } catch (e) {
    // Nothing half-started: stop what this run started, then report.
    for (const svc of started.reverse()) await stopService(svc);
    throw e;
  }
  writeEndpoints();
  log(`all services ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  log(`PostgreSQL ${HOST}:${ports.postgres} · Kafka ${HOST}:${ports.kafka} · Connect http://${HOST}:${ports.connect} · S3 http://${HOST}:${ports.s3}`);
}

async function stopService(svc: ServiceName): Promise<boolean> {
  const pid = runningPid(pidFile(svc));
  if (!pid) return false;
  if (svc === "postgres") {
    const tools = preflight();
    const [c, a] = asPgUser(path.join(tools.pgBin, "pg_ctl"), ["-D", pgData(), "-m", "fast", "-w", "stop"]);
    if (!run(c, a).ok) await stopPid(pid);
  } else {
    await stopPid(pid);
  }
  rmSync(pidFile(svc), { force: true });
  return true;
}

async function down(): Promise<void> {
  // Connect first (it commits offsets to Kafka), Kafka last among the JVMs.
  for (const svc of ["connect", "s3", "kafka", "postgres"] as ServiceName[]) {
    if (await stopService(svc)) log(`${svc} stopped`);
  }
}

async function status(): Promise<boolean> {
  const svcPorts: Record<ServiceName, number> = { postgres: ports.postgres, kafka: ports.kafka, s3: ports.s3, connect: ports.connect };
  let all = true;
  for (const svc of ["postgres", "kafka", "connect", "s3"] as ServiceName[]) {
    const pid = runningPid(pidFile(svc));
    const open = await portOpen(svcPorts[svc]);
    all &&= Boolean(pid && open);
    log(`${svc.padEnd(8)} ${pid ? `pid ${pid}` : "not running"}${pid ? (open ? `, listening on ${svcPorts[svc]}` : `, NOT listening on ${svcPorts[svc]}`) : ""}`);
  }
  return all;
}

async function reset(): Promise<void> {
  await down();
  rmSync(dirs.data, { recursive: true, force: true });
  if (pgPaths().outside) rmSync(pgPaths().outside!, { recursive: true, force: true });
  rmSync(path.join(LAB, "endpoints.json"), { force: true });
  log("data wiped");
  await up();
}

async function main(): Promise<void> {
  const cmd = process.argv[2];
  try {
    if (cmd === "up") await up();
    else if (cmd === "down") await down();
    else if (cmd === "status") process.exitCode = (await status()) ? 0 : 3;
    else if (cmd === "reset") await reset();
    else if (cmd === "stop" && isService(process.argv[3])) {
      // One service, e.g. to show a failure in class (or in the end-to-end tests); `up` brings it back.
      log((await stopService(process.argv[3])) ? `${process.argv[3]} stopped` : `${process.argv[3]} was not running`);
    }
    else {
      process.stderr.write("usage: tsx lab/lab.ts up|down|status|reset|stop <postgres|kafka|connect|s3>\n");
      process.exitCode = 2;
    }
  } catch (e) {
    const err = e as LabError;
    process.stderr.write(`\n[lab] FAILED: ${err.message}\n`);
    if (err.logFile) process.stderr.write(`\n[lab] last lines of ${err.logFile}:\n${tail(err.logFile)}\n`);
    process.exitCode = 1;
  }
}

// Exit as soon as the command is done: client libraries may keep idle sockets and timers alive.
void main().then(() => process.exit());
