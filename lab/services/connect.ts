// Kafka Connect (distributed mode, as the course's Debezium image runs it) with the Debezium PostgreSQL
// connector and the lab's S3 sink on its plugin.path.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { HOST, JAVA_OPTS, READY_TIMEOUT_MS, bootstrapServers, dirs, memberName, pidFile, ports, stopByPidFile, topology, type LabService, type Tools } from "../env";
import { runningPid, spawnDetached, waitFor } from "../proc";
import { kafkaClasspath, writeLog4j } from "./kafka";

export const DEBEZIUM_CLASS = "io.debezium.connector.postgresql.PostgresConnector";
export const S3_SINK_CLASS = "lab.console.connect.s3.S3SinkConnector";

const workerName = (n: number) => memberName("connect", n, topology.workers);
const logFile = (n: number) => path.join(dirs.logs, `${workerName(n)}.log`);

function workerProperties(n: number): string[] {
  const rf = topology.brokers; // the storage topics on every broker
  return [
    `bootstrap.servers=${bootstrapServers()}`,
    // The seed's Debezium image: group liga_sudoers and its three storage topics (every worker in that group).
    "group.id=liga_sudoers",
    "config.storage.topic=debezium_configs",
    "offset.storage.topic=debezium_offsets",
    "status.storage.topic=debezium_status",
    `config.storage.replication.factor=${rf}`,
    `offset.storage.replication.factor=${rf}`,
    `status.storage.replication.factor=${rf}`,
    "key.converter=org.apache.kafka.connect.storage.StringConverter",
    "value.converter=org.apache.kafka.connect.json.JsonConverter",
    "value.converter.schemas.enable=true",
    `listeners=http://${HOST}:${ports.connect + n}`,
    `rest.advertised.host.name=${HOST}`,
    `rest.advertised.port=${ports.connect + n}`,
    `plugin.path=${dirs.plugins}`,
    "offset.flush.interval.ms=1000",
    "connector.client.config.override.policy=All",
    // A worker that leaves the group gets its connectors and tasks back if it returns within this delay; after
    // it they move to the workers left. Connect's default is 5 minutes: in the lab, a stopped worker's tasks
    // move within seconds, so a class sees the failover (and the cluster tests wait for it).
    ...(topology.workers > 1 ? ["scheduled.rebalance.max.delay.ms=5000"] : []),
    "",
  ];
}

/** Ready: the worker's REST API answers and lists both connector plugins. */
async function pluginsListed(n: number): Promise<boolean> {
  const res = await fetch(`http://${HOST}:${ports.connect + n}/connector-plugins`, { signal: AbortSignal.timeout(2000) });
  if (!res.ok) return false;
  const classes = ((await res.json()) as { class: string }[]).map((p) => p.class);
  const missing = [DEBEZIUM_CLASS, S3_SINK_CLASS].filter((c) => !classes.includes(c));
  if (missing.length) throw new Error(`Connect is up but does not list ${missing.join(", ")}`);
  return true;
}

function worker(n: number): LabService {
  const name = workerName(n);
  const start = async (t: Tools): Promise<boolean> => {
    if (runningPid(pidFile(name))) return false;
    const props = path.join(dirs.conf, `${name}.properties`);
    writeFileSync(props, workerProperties(n).join("\n"));
    const log4j = writeLog4j();
    const heap = topology.workers === 1 ? ["-Xms256m", "-Xmx1g"] : ["-Xms128m", "-Xmx512m"];
    spawnDetached(t.java, [...heap, ...JAVA_OPTS, `-Dlog4j2.configurationFile=${log4j}`, "-cp", kafkaClasspath(), "org.apache.kafka.connect.cli.ConnectDistributed", props], {
      logFile: logFile(n),
      pidFile: pidFile(name),
    });
    return true;
  };
  return {
    name,
    ports: [{ port: ports.connect + n, envVar: "LAB_CONNECT_PORT" }],
    logFile: () => logFile(n),
    start,
    ready: () => waitFor(`${topology.workers === 1 ? "Kafka Connect" : name} with both connector plugins`, () => pluginsListed(n), READY_TIMEOUT_MS, logFile(n)),
    stop: () => stopByPidFile(name),
  };
}

/** The workers: one (named connect), or connect-1 and connect-2 in one group in the cluster profile. */
export const workers: LabService[] = Array.from({ length: topology.workers }, (_, n) => worker(n));
