// Kafka Connect (distributed mode, as the course's Debezium image runs it) with the Debezium PostgreSQL
// connector and the lab's S3 sink on its plugin.path.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { HOST, JAVA_OPTS, READY_TIMEOUT_MS, dirs, pidFile, ports, stopByPidFile, type LabService, type Tools } from "../env";
import { runningPid, spawnDetached, waitFor } from "../proc";
import { kafkaClasspath, writeLog4j } from "./kafka";

export const DEBEZIUM_CLASS = "io.debezium.connector.postgresql.PostgresConnector";
export const S3_SINK_CLASS = "lab.console.connect.s3.S3SinkConnector";

const logFile = () => path.join(dirs.logs, "connect.log");

async function start(t: Tools): Promise<boolean> {
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
    logFile: logFile(),
    pidFile: pidFile("connect"),
  });
  return true;
}

/** Ready: the REST API answers and lists both connector plugins. */
async function pluginsListed(): Promise<boolean> {
  const res = await fetch(`http://${HOST}:${ports.connect}/connector-plugins`, { signal: AbortSignal.timeout(2000) });
  if (!res.ok) return false;
  const classes = ((await res.json()) as { class: string }[]).map((p) => p.class);
  const missing = [DEBEZIUM_CLASS, S3_SINK_CLASS].filter((c) => !classes.includes(c));
  if (missing.length) throw new Error(`Connect is up but does not list ${missing.join(", ")}`);
  return true;
}

export const connect: LabService = {
  name: "connect",
  ports: [{ port: ports.connect, envVar: "LAB_CONNECT_PORT" }],
  logFile,
  start,
  ready: () => waitFor("Kafka Connect with both connector plugins", pluginsListed, READY_TIMEOUT_MS, logFile()),
  stop: () => stopByPidFile("connect"),
};
