// Where the lab lives, its ports and the tools it needs: shared by the service modules (lab/services/) and
// the orchestration (lab/lab.ts). The defaults come from lib/lab-endpoints.ts, which the console reads too.
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { LAB_DEFAULTS } from "../lib/lab-endpoints";
import { LabError, run, runningPid, stopPid, which } from "./proc";

export const ROOT = path.resolve(__dirname, "..");
export const LAB = path.resolve(process.env.LAB_DIR ?? path.join(ROOT, ".lab"));
export const dirs = {
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
export const ports = {
  postgres: envPort("LAB_PG_PORT", LAB_DEFAULTS.ports.postgres),
  kafka: envPort("LAB_KAFKA_PORT", LAB_DEFAULTS.ports.kafka),
  controller: envPort("LAB_KAFKA_CONTROLLER_PORT", LAB_DEFAULTS.ports.kafkaController),
  connect: envPort("LAB_CONNECT_PORT", LAB_DEFAULTS.ports.connect),
  s3: envPort("LAB_S3_PORT", LAB_DEFAULTS.ports.s3),
};
export const HOST = LAB_DEFAULTS.host;
export const READY_TIMEOUT_MS = Number(process.env.LAB_READY_TIMEOUT_MS ?? 120_000);
export const JAVA_OPTS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"];

export type ServiceName = "postgres" | "kafka" | "s3" | "connect";
export const isService = (s: string | undefined): s is ServiceName => ["postgres", "kafka", "s3", "connect"].includes(s ?? "");
export const pidFile = (s: ServiceName) => path.join(dirs.run, `${s}.pid`);

export const log = (msg: string) => process.stdout.write(`[lab] ${msg}\n`);

/** One process of the lab: what lab.ts starts, waits for, reports and stops. */
export interface LabService {
  readonly name: ServiceName;
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
export async function stopByPidFile(svc: ServiceName): Promise<boolean> {
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
