// Where the lab lives, its ports and the tools it needs: shared by the service modules (lab/services/) and
// the orchestration (lab/lab.ts). The defaults come from lib/lab-endpoints.ts, which the console reads too.
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { LAB_CLUSTER, LAB_DEFAULTS } from "../lib/lab-endpoints";
import { LabError, run, runningPid, stopPid, which } from "./proc";

export const ROOT = path.resolve(__dirname, "..");

/** A bad setting read while the modules load: say so plainly (no stack trace) and stop. */
function badSetting(message: string): never {
  process.stderr.write(`\n[lab] FAILED: ${message}\n`);
  process.exit(1);
}

/** LAB_PROFILE=cluster: 3 Kafka brokers (replication factor 3) and 2 Connect workers, in .lab/cluster by default. */
export type Profile = "single" | "cluster";
function profile(): Profile {
  const p = process.env.LAB_PROFILE ?? "single";
  if (p !== "single" && p !== "cluster") badSetting(`LAB_PROFILE=${p} is not a profile of the lab; use single (the default) or cluster`);
  return p;
}
export const PROFILE = profile();
const CLUSTER = PROFILE === "cluster";
export const topology = { brokers: CLUSTER ? LAB_CLUSTER.brokers : 1, workers: CLUSTER ? LAB_CLUSTER.workers : 1 };
const DEFAULT_PORTS = CLUSTER ? LAB_CLUSTER.ports : LAB_DEFAULTS.ports;

export const LAB = path.resolve(process.env.LAB_DIR ?? (CLUSTER ? path.join(ROOT, ".lab", "cluster") : path.join(ROOT, ".lab")));
export const dirs = {
  logs: path.join(LAB, "logs"),
  run: path.join(LAB, "run"),
  conf: path.join(LAB, "conf"),
  data: path.join(LAB, "data"),
  lib: path.join(LAB, "lib"),
  plugins: path.join(LAB, "plugins"),
};

/** A port from the environment; the last port used from it is `span` above it (one per broker or worker). */
const envPort = (name: string, def: number, span = 0) => {
  const raw = process.env[name];
  const v = Number(raw === undefined || raw === "" ? def : raw);
  if (!Number.isInteger(v) || v < 1 || v + span > 65535) badSetting(`${name}=${process.env[name]} is not a valid port`);
  return v;
};
/**
 * Each broker takes a pair of ports, as the single node does (9092 and its controller 9093): broker n (from 0)
 * listens on kafka + 2n and its controller on controller + 2n, so a controller port one above the broker's
 * (the usual choice) never lands on the next broker. Worker n listens on connect + n.
 */
export const BROKER_PORT_STEP = 2;
export const ports = {
  postgres: envPort("LAB_PG_PORT", DEFAULT_PORTS.postgres),
  kafka: envPort("LAB_KAFKA_PORT", DEFAULT_PORTS.kafka, BROKER_PORT_STEP * (topology.brokers - 1)),
  controller: envPort("LAB_KAFKA_CONTROLLER_PORT", DEFAULT_PORTS.kafkaController, BROKER_PORT_STEP * (topology.brokers - 1)),
  connect: envPort("LAB_CONNECT_PORT", DEFAULT_PORTS.connect, topology.workers - 1),
  s3: envPort("LAB_S3_PORT", DEFAULT_PORTS.s3),
};
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
export const brokerPorts = () => range(topology.brokers).map((i) => ports.kafka + BROKER_PORT_STEP * i);
export const controllerPorts = () => range(topology.brokers).map((i) => ports.controller + BROKER_PORT_STEP * i);
export const workerPorts = () => range(topology.workers).map((i) => ports.connect + i);

/** Two processes of the lab on one port never start: named before anything runs. */
function checkDistinctPorts(): void {
  const used = new Map<number, string>();
  const claim = (port: number, what: string) => {
    const other = used.get(port);
    if (other) badSetting(`port ${port} would be used by both ${other} and ${what}; move one with its LAB_*_PORT variable`);
    used.set(port, what);
  };
  claim(ports.postgres, "PostgreSQL (LAB_PG_PORT)");
  brokerPorts().forEach((p, i) => claim(p, `Kafka broker ${i + 1} (LAB_KAFKA_PORT)`));
  controllerPorts().forEach((p, i) => claim(p, `Kafka controller ${i + 1} (LAB_KAFKA_CONTROLLER_PORT)`));
  workerPorts().forEach((p, i) => claim(p, `Connect worker ${i + 1} (LAB_CONNECT_PORT)`));
  claim(ports.s3, "S3 (LAB_S3_PORT)");
}
checkDistinctPorts();
export const bootstrapServers = () => brokerPorts().map((p) => `${HOST}:${p}`).join(",");
export const HOST = LAB_DEFAULTS.host;
export const READY_TIMEOUT_MS = Number(process.env.LAB_READY_TIMEOUT_MS ?? 120_000);
export const JAVA_OPTS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"];

/** A group of processes: postgres, s3, kafka (its brokers) and connect (its workers). */
export type ServiceName = "postgres" | "kafka" | "s3" | "connect";
/** One process: a group's name, or in the cluster profile kafka-1…3 and connect-1…2. */
export const pidFile = (process: string) => path.join(dirs.run, `${process}.pid`);
/** The name of broker or worker n (from 0): kafka / connect when there is one, else kafka-1, connect-2, … */
export const memberName = (group: "kafka" | "connect", n: number, count: number) => (count === 1 ? group : `${group}-${n + 1}`);

export const log = (msg: string) => process.stdout.write(`[lab] ${msg}\n`);

/** One process of the lab: what lab.ts starts, waits for, reports and stops. */
export interface LabService {
  /** The process's name (pid file, log, status line). */
  readonly name: string;
  /** The ports it listens on, each with the variable that moves it; status checks the first. */
  readonly ports: { port: number; envVar: string }[];
  logFile(): string;
  /** Starts the process unless it runs already; true when this call started it. */
  start(t: Tools): Promise<boolean>;
  /** Resolves once the service answers (and is set up: schemas, buckets, plugins). */
  ready(): Promise<unknown>;
  /** Stops it if it runs; true when it was running. */
  stop(): Promise<boolean>;
}

/** The default stop: SIGTERM the process group in the pid file, then SIGKILL after a grace period. */
export async function stopByPidFile(svc: string): Promise<boolean> {
  const pid = runningPid(pidFile(svc));
  if (!pid) return false;
  await stopPid(pid);
  rmSync(pidFile(svc), { force: true });
  return true;
}

// ---------------------------------------------------------------- preflight

export interface Tools {
  java: string;
  pgBin: string;
}

export function preflight(): Tools {
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
