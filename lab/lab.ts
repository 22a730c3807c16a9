// The lab without Docker: PostgreSQL (Debian's binaries), Kafka (KRaft), Kafka Connect with Debezium and the
// lab's S3 sink, and S3Proxy — all local processes under .lab/. Usage: tsx lab/lab.ts up|down|status|reset
// One module per service under lab/services/; this file orders them. LAB_PROFILE=cluster runs 3 Kafka brokers
// and 2 Connect workers instead of one each (see lab/env.ts).
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { labEndpointsFor, serializeLabEndpoints } from "../lib/lab-endpoints";
import { HOST, LAB, PROFILE, brokerPorts, dirs, log, pidFile, ports, preflight, workerPorts, type LabService, type ServiceName } from "./env";
import { resolveJars } from "./jars";
import { LabError, ensureDir, portOpen, runningPid, tail } from "./proc";
import { workers } from "./services/connect";
import { brokers, kafkaReady } from "./services/kafka";
import { postgres, wipePostgresOutsideLab } from "./services/postgres";
import { s3 } from "./services/s3";

/** A service and its processes (several brokers or workers in the cluster profile), ready together. */
interface Group {
  name: ServiceName;
  members: LabService[];
  ready(): Promise<unknown>;
}
const single = (svc: LabService & { name: ServiceName }): Group => ({ name: svc.name, members: [svc], ready: () => svc.ready() });
const groups: Record<ServiceName, Group> = {
  postgres: single(postgres as LabService & { name: "postgres" }),
  kafka: { name: "kafka", members: brokers, ready: async () => (await Promise.all(brokers.map((b) => b.ready())), kafkaReady()) },
  s3: single(s3 as LabService & { name: "s3" }),
  connect: { name: "connect", members: workers, ready: () => Promise.all(workers.map((w) => w.ready())) },
};
const allMembers = () => Object.values(groups).flatMap((g) => g.members);
const stopGroup = async (g: Group) => (await Promise.all(g.members.map((m) => m.stop()))).some(Boolean);

/** Fail before starting anything when a port we need is held by a process that is not ours. */
async function checkPorts(): Promise<void> {
  const taken: string[] = [];
  for (const svc of allMembers()) {
    if (runningPid(pidFile(svc.name))) continue; // ours, already running
    for (const { port, envVar } of svc.ports) {
      if (await portOpen(port)) taken.push(`port ${port} (needed by ${svc.name}) is already in use by another process; stop it, or pick another port with ${envVar}=<port>`);
    }
  }
  if (taken.length) throw new LabError(taken.join("\n"));
}

/** .lab/endpoints.json, through the schema the console reads it with (lib/lab-endpoints.ts). */
function writeEndpoints(): void {
  const endpoints = labEndpointsFor(HOST, { postgres: ports.postgres, kafka: brokerPorts(), connect: workerPorts(), s3: ports.s3 });
  writeFileSync(path.join(LAB, "endpoints.json"), serializeLabEndpoints(endpoints));
}

async function up(): Promise<void> {
  const t0 = Date.now();
  const tools = preflight();
  for (const d of Object.values(dirs)) ensureDir(d);
  await checkPorts();
  if (resolveJars()) {
    // New jars or plugins: JVMs started before must restart to load them.
    for (const g of [groups.connect, groups.kafka, groups.s3]) if (await stopGroup(g)) log(`${g.name} restarted to load the new jars`);
  }
  const started: LabService[] = [];
  const step = async (g: Group) => {
    try {
      // A cluster's brokers start together: a KRaft quorum needs a majority of its controllers up.
      for (const m of g.members) if (await m.start(tools)) started.push(m);
      await g.ready();
      log(`${g.name.padEnd(8)} ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } catch (e) {
      const err = e instanceof LabError ? e : new LabError((e as Error).message);
      throw new LabError(`${g.name}: ${err.message}`, err.logFile ?? g.members[0].logFile());
    }
  };
  try {
    // Connect needs Kafka; the others start side by side.
    await Promise.all([step(groups.postgres), step(groups.s3), step(groups.kafka).then(() => step(groups.connect))]);
  } catch (e) {
    // Nothing half-started: stop what this run started, then report.
    for (const svc of started.reverse()) await svc.stop();
    throw e;
  }
  writeEndpoints();
  log(`all services ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const list = (ps: number[], prefix = "") => ps.map((p) => `${prefix}${HOST}:${p}`).join(",");
  log(`PostgreSQL ${HOST}:${ports.postgres} · Kafka ${list(brokerPorts())} · Connect ${list(workerPorts(), "http://").replaceAll(",", " | ")} · S3 http://${HOST}:${ports.s3}`);
  if (PROFILE === "cluster") log(`cluster profile in ${LAB}: point the console at it with LAB_DIR=${LAB}`);
}

async function down(): Promise<void> {
  // Connect first (it commits offsets to Kafka), Kafka last among the JVMs.
  // A cluster's brokers stop together: one by one, the last ones would wait for a quorum that is gone.
  for (const g of [groups.connect, groups.s3, groups.kafka, groups.postgres]) {
    const stopped = await Promise.all(g.members.map(async (m) => ((await m.stop()) ? m.name : null)));
    for (const name of stopped) if (name) log(`${name} stopped`);
  }
}

async function status(): Promise<boolean> {
  let all = true;
  const members = [groups.postgres, groups.kafka, groups.connect, groups.s3].flatMap((g) => g.members);
  const width = Math.max(8, ...members.map((m) => m.name.length));
  for (const svc of members) {
    const pid = runningPid(pidFile(svc.name));
    const port = svc.ports[0].port;
    const open = await portOpen(port);
    all &&= Boolean(pid && open);
    log(`${svc.name.padEnd(width)} ${pid ? `pid ${pid}` : "not running"}${pid ? (open ? `, listening on ${port}` : `, NOT listening on ${port}`) : ""}`);
  }
  return all;
}

async function reset(): Promise<void> {
  await down();
  rmSync(dirs.data, { recursive: true, force: true });
  wipePostgresOutsideLab();
  rmSync(path.join(LAB, "endpoints.json"), { force: true });
  log("data wiped");
  await up();
}

const stoppable = (s: string | undefined) => Boolean(s && (s in groups || allMembers().some((m) => m.name === s)));

async function main(): Promise<void> {
  const cmd = process.argv[2];
  try {
    if (cmd === "up") await up();
    else if (cmd === "down") await down();
    else if (cmd === "status") process.exitCode = (await status()) ? 0 : 3;
    else if (cmd === "reset") await reset();
    else if (cmd === "stop" && stoppable(process.argv[3])) {
      // One service (or, in the cluster profile, one broker or worker: kafka-2, connect-1), e.g. to show a
      // failure in class or in the fault tests; `up` brings it back.
      const target = process.argv[3]!;
      const members = target in groups ? groups[target as ServiceName].members : allMembers().filter((m) => m.name === target);
      for (const m of members) log((await m.stop()) ? `${m.name} stopped` : `${m.name} was not running`);
    }
    else {
      const names = ["postgres", "kafka", "connect", "s3", ...allMembers().map((m) => m.name).filter((n) => !(n in groups))];
      process.stderr.write(`usage: tsx lab/lab.ts up|down|status|reset|stop <${names.join("|")}>\n`);
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
