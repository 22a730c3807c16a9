// Kafka in KRaft mode (one process: broker and controller), from the jars in .lab/lib/kafka.
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { kafkaClusterId } from "../cluster-id";
import { HOST, JAVA_OPTS, READY_TIMEOUT_MS, dirs, pidFile, ports, stopByPidFile, type LabService, type Tools } from "../env";
import { LabError, ensureDir, run, runningPid, spawnDetached, waitFor } from "../proc";

const logFile = () => path.join(dirs.logs, "kafka.log");

/** The log4j2 configuration shared by the Kafka and Connect JVMs. */
export function writeLog4j(): string {
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

export const kafkaClasspath = () => `${path.join(dirs.lib, "kafka")}/*`;

async function start(t: Tools): Promise<boolean> {
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
    logFile: logFile(),
    pidFile: pidFile("kafka"),
  });
  return true;
}

/** Ready: a message produced to a readiness topic comes back to a consumer. */
async function roundTrip(): Promise<boolean> {
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

export const kafka: LabService = {
  name: "kafka",
  ports: [
    { port: ports.kafka, envVar: "LAB_KAFKA_PORT" },
    { port: ports.controller, envVar: "LAB_KAFKA_CONTROLLER_PORT" },
  ],
  logFile,
  start,
  ready: () => waitFor("Kafka produce/consume round trip", roundTrip, READY_TIMEOUT_MS, logFile()),
  stop: () => stopByPidFile("kafka"),
};
