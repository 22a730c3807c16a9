// The lab without Docker: PostgreSQL (Debian's binaries), Kafka (KRaft), Kafka Connect with Debezium and the
// lab's S3 sink, and S3Proxy — all local processes under .lab/. Usage: tsx lab/lab.ts up|down|status|reset
// One module per service under lab/services/; this file orders them.
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { labEndpointsFor, serializeLabEndpoints } from "../lib/lab-endpoints";
import { HOST, LAB, dirs, isService, log, pidFile, ports, preflight, type LabService, type ServiceName } from "./env";
import { resolveJars } from "./jars";
import { LabError, ensureDir, portOpen, runningPid, tail } from "./proc";
import { connect } from "./services/connect";
import { kafka } from "./services/kafka";
import { postgres, wipePostgresOutsideLab } from "./services/postgres";
import { s3 } from "./services/s3";

const services: Record<ServiceName, LabService> = { postgres, kafka, s3, connect };

/** Fail before starting anything when a port we need is held by a process that is not ours. */
async function checkPorts(): Promise<void> {
  const taken: string[] = [];
  for (const svc of Object.values(services)) {
    if (runningPid(pidFile(svc.name))) continue; // ours, already running
    for (const { port, envVar } of svc.ports) {
      if (await portOpen(port)) taken.push(`port ${port} (needed by ${svc.name}) is already in use by another process; stop it, or pick another port with ${envVar}=<port>`);
    }
  }
  if (taken.length) throw new LabError(taken.join("\n"));
}

/** .lab/endpoints.json, through the schema the console reads it with (lib/lab-endpoints.ts). */
function writeEndpoints(): void {
  const endpoints = labEndpointsFor(HOST, { postgres: ports.postgres, kafka: [ports.kafka], connect: [ports.connect], s3: ports.s3 });
  writeFileSync(path.join(LAB, "endpoints.json"), serializeLabEndpoints(endpoints));
}

async function up(): Promise<void> {
  const t0 = Date.now();
  const tools = preflight();
  for (const d of Object.values(dirs)) ensureDir(d);
  await checkPorts();
  if (resolveJars()) {
    // New jars or plugins: JVMs started before must restart to load them.
    for (const svc of [connect, kafka, s3]) if (await svc.stop()) log(`${svc.name} restarted to load the new jars`);
  }
  const started: LabService[] = [];
  const step = async (svc: LabService) => {
    try {
      if (await svc.start(tools)) started.push(svc);
      await svc.ready();
      log(`${svc.name.padEnd(8)} ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } catch (e) {
      const err = e instanceof LabError ? e : new LabError((e as Error).message);
      throw new LabError(`${svc.name}: ${err.message}`, err.logFile ?? svc.logFile());
    }
  };
  try {
    // Connect needs Kafka; the others start side by side.
    await Promise.all([step(postgres), step(s3), step(kafka).then(() => step(connect))]);
  } catch (e) {
    // Nothing half-started: stop what this run started, then report.
    for (const svc of started.reverse()) await svc.stop();
    throw e;
  }
  writeEndpoints();
  log(`all services ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  log(`PostgreSQL ${HOST}:${ports.postgres} · Kafka ${HOST}:${ports.kafka} · Connect http://${HOST}:${ports.connect} · S3 http://${HOST}:${ports.s3}`);
}

async function down(): Promise<void> {
  // Connect first (it commits offsets to Kafka), Kafka last among the JVMs.
  for (const svc of [connect, s3, kafka, postgres]) {
    if (await svc.stop()) log(`${svc.name} stopped`);
  }
}

async function status(): Promise<boolean> {
  let all = true;
  for (const svc of [postgres, kafka, connect, s3]) {
    const pid = runningPid(pidFile(svc.name));
    const port = svc.ports[0].port;
    const open = await portOpen(port);
    all &&= Boolean(pid && open);
    log(`${svc.name.padEnd(8)} ${pid ? `pid ${pid}` : "not running"}${pid ? (open ? `, listening on ${port}` : `, NOT listening on ${port}`) : ""}`);
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

async function main(): Promise<void> {
  const cmd = process.argv[2];
  try {
    if (cmd === "up") await up();
    else if (cmd === "down") await down();
    else if (cmd === "status") process.exitCode = (await status()) ? 0 : 3;
    else if (cmd === "reset") await reset();
    else if (cmd === "stop" && isService(process.argv[3])) {
      // One service, e.g. to show a failure in class (or in the end-to-end tests); `up` brings it back.
      const svc = services[process.argv[3]];
      log((await svc.stop()) ? `${svc.name} stopped` : `${svc.name} was not running`);
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
