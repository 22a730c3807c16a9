// PostgreSQL from Debian's binaries: the OLTP and DW databases of the course, plus the console's own.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { LAB_DEFAULTS } from "../../lib/lab-endpoints";
import { applyMigrations } from "../../prisma/migrate";
import { HOST, LAB, ROOT, dirs, log, pidFile, ports, preflight, type LabService, type Tools } from "../env";
import { LabError, ensureDir, run, runningPid, stopPid, waitFor } from "../proc";

const PG = {
  user: LAB_DEFAULTS.postgres.user,
  password: LAB_DEFAULTS.postgres.password,
  databases: [LAB_DEFAULTS.postgres.oltpDatabase, LAB_DEFAULTS.postgres.dwDatabase, LAB_DEFAULTS.postgres.consoleDatabase],
};

/**
 * Where PostgreSQL keeps its data, socket and log: under .lab/ — except when running as root in a folder the
 * `postgres` user cannot reach (a clone under /root, say), since PostgreSQL refuses to run as root. Then under
 * /var/tmp/lab-console-<hash of .lab's path>/, which lab:reset wipes too.
 */
let pgPlaces: { data: string; socket: string; log: string; outside: string | null } | undefined;
export function pgPaths() {
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
const logFile = () => pgPaths().log;

/** PostgreSQL refuses to run as root: as root, run its tools as the system's postgres user. */
function asPgUser(cmd: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [cmd, args];
  if (!run("id", ["-u", "postgres"]).ok) throw new LabError("running as root and no 'postgres' user exists to run PostgreSQL as; create one (useradd -r postgres) or run as a normal user");
  return ["runuser", ["-u", "postgres", "--", cmd, ...args]];
}

function pgOwn(dir: string): void {
  if (process.getuid?.() === 0) run("chown", ["-R", "postgres:postgres", dir]);
}

async function start(t: Tools): Promise<boolean> {
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
  const [c, a] = asPgUser(path.join(t.pgBin, "pg_ctl"), ["-D", data, "-l", logFile(), "-o", `-p ${ports.postgres}`, "-w", "-t", "60", "start"]);
  ensureDir(dirs.logs);
  writeFileSync(logFile(), "", { flag: "a" });
  pgOwn(logFile());
  const r = run(c, a);
  if (!r.ok) throw new LabError(`PostgreSQL did not start:\n${r.out}`, logFile());
  const pid = readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0];
  writeFileSync(pidFile("postgres"), `${pid}\n`);
  return true;
}

/** Ready: it answers, and the role, the databases, the course's schemas and the console's migrations are in place. */
async function bootstrap(): Promise<void> {
  const admin = (database = "postgres") => new pg.Client({ host: pgSocketDir(), port: ports.postgres, user: "postgres", database });
  await waitFor("PostgreSQL", async () => {
    const c = admin();
    await c.connect();
    await c.query("SELECT 1");
    await c.end();
    return true;
  }, 30_000, logFile());
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
  await asSudoers(LAB_DEFAULTS.postgres.oltpDatabase, async (u) => {
    await u.query(sql("oltp-schema.sql"));
    await u.query(sql("oltp-seed.sql"));
  });
  await asSudoers(LAB_DEFAULTS.postgres.dwDatabase, async (u) => void (await u.query(sql("dw-schema.sql"))));
  await asSudoers(LAB_DEFAULTS.postgres.consoleDatabase, async (u) => {
    const applied = await applyMigrations(u);
    if (applied.length) log(`${LAB_DEFAULTS.postgres.consoleDatabase}: applied migrations ${applied.join(", ")}`);
  });
}

async function stop(): Promise<boolean> {
  const pid = runningPid(pidFile("postgres"));
  if (!pid) return false;
  const tools = preflight();
  const [c, a] = asPgUser(path.join(tools.pgBin, "pg_ctl"), ["-D", pgData(), "-m", "fast", "-w", "stop"]);
  if (!run(c, a).ok) await stopPid(pid);
  rmSync(pidFile("postgres"), { force: true });
  return true;
}

/** lab:reset: the data outside .lab/ (see pgPaths), if any; .lab/data itself is wiped by the orchestration. */
export function wipePostgresOutsideLab(): void {
  const outside = pgPaths().outside;
  if (outside) rmSync(outside, { recursive: true, force: true });
}

export const postgres: LabService = {
  name: "postgres",
  ports: [{ port: ports.postgres, envVar: "LAB_PG_PORT" }],
  logFile,
  start,
  ready: bootstrap,
  stop,
};
