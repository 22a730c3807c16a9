// Kafka in KRaft mode, from the jars in .lab/lib/kafka: one process that is broker and controller, or in the
// cluster profile three of them (a quorum of three controllers, replication factor 3).
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { kafkaClusterId } from "../cluster-id";
import { HOST, JAVA_OPTS, READY_TIMEOUT_MS, bootstrapServers, brokerPorts, controllerPorts, dirs, memberName, pidFile, stopByPidFile, topology, type LabService, type Tools } from "../env";
import { LabError, ensureDir, portOpen, run, runningPid, spawnDetached, waitFor } from "../proc";


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

const brokerName = (n: number) => memberName("kafka", n, topology.brokers);
const dataDir = (n: number) => path.join(dirs.data, brokerName(n));
const logFile = (n: number) => path.join(dirs.logs, `${brokerName(n)}.log`);

/** Every broker's storage is formatted with one cluster id: the one a broker already has, else a new one. */
let clusterId: string | undefined;
function sharedClusterId(): string {
  if (clusterId) return clusterId;
  for (let n = 0; n < topology.brokers; n++) {
    const meta = path.join(dataDir(n), "meta.properties");
    const id = existsSync(meta) ? /^cluster\.id=(.+)$/m.exec(readFileSync(meta, "utf8"))?.[1]?.trim() : undefined;
    if (id) return (clusterId = id);
  }
  return (clusterId = kafkaClusterId());
}

function brokerProperties(n: number): string[] {
  const voters = controllerPorts().map((p, i) => `${i + 1}@${HOST}:${p}`).join(",");
  const port = brokerPorts()[n];
  const common = [
    "process.roles=broker,controller",
    `node.id=${n + 1}`,
    `controller.quorum.voters=${voters}`,
    `listeners=PLAINTEXT://${HOST}:${port},CONTROLLER://${HOST}:${controllerPorts()[n]}`,
    `advertised.listeners=PLAINTEXT://${HOST}:${port}`,
    "controller.listener.names=CONTROLLER",
    "inter.broker.listener.name=PLAINTEXT",
    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
    `log.dirs=${dataDir(n)}`,
    "num.partitions=1",
  ];
  const replication =
    topology.brokers === 1
      ? [
          // A single broker: internal topics must have replication factor 1 or consumers never find a coordinator.
          "offsets.topic.replication.factor=1",
          "transaction.state.log.replication.factor=1",
          "transaction.state.log.min.isr=1",
          "share.coordinator.state.topic.replication.factor=1",
          "share.coordinator.state.topic.min.isr=1",
        ]
      : [
          // A cluster: every topic, internal or new, on every broker; one broker may be down without losing writes.
          `default.replication.factor=${topology.brokers}`,
          "min.insync.replicas=2",
          `offsets.topic.replication.factor=${topology.brokers}`,
          `transaction.state.log.replication.factor=${topology.brokers}`,
          "transaction.state.log.min.isr=2",
          `share.coordinator.state.topic.replication.factor=${topology.brokers}`,
          "share.coordinator.state.topic.min.isr=2",
        ];
  return [
    ...common,
    ...replication,
    "group.initial.rebalance.delay.ms=0",
    "auto.create.topics.enable=true",
    "delete.topic.enable=true",
    "log.retention.hours=168",
    "",
  ];
}

function broker(n: number): LabService {
  const name = brokerName(n);
  const start = async (t: Tools): Promise<boolean> => {
    if (runningPid(pidFile(name))) return false;
    const data = dataDir(n);
    const props = path.join(dirs.conf, `${name}.properties`);
    writeFileSync(props, brokerProperties(n).join("\n"));
    const log4j = writeLog4j();
    if (!existsSync(path.join(data, "meta.properties"))) {
      ensureDir(data);
      const r = run(t.java, ["-cp", kafkaClasspath(), `-Dlog4j2.configurationFile=${log4j}`, "kafka.tools.StorageTool", "format", "-t", sharedClusterId(), "-c", props]);
      if (!r.ok) throw new LabError(`formatting Kafka's KRaft storage failed:\n${r.out}`);
    }
    // A cluster's three brokers start with a smaller heap each, so that the profile fits a laptop.
    const heap = topology.brokers === 1 ? ["-Xms256m", "-Xmx512m"] : ["-Xms128m", "-Xmx384m"];
    spawnDetached(t.java, [...heap, ...JAVA_OPTS, `-Dlog4j2.configurationFile=${log4j}`, `-Dkafka.logs.dir=${dirs.logs}`, "-cp", kafkaClasspath(), "kafka.Kafka", props], {
      logFile: logFile(n),
      pidFile: pidFile(name),
    });
    return true;
  };
  return {
    name,
    ports: [
      { port: brokerPorts()[n], envVar: "LAB_KAFKA_PORT" },
      { port: controllerPorts()[n], envVar: "LAB_KAFKA_CONTROLLER_PORT" },
    ],
    logFile: () => logFile(n),
    start,
    ready: () =>
      waitFor(`${topology.brokers === 1 ? "Kafka" : `Kafka broker ${name}`} on port ${brokerPorts()[n]}`, async () => (await portOpen(brokerPorts()[n])) || null, READY_TIMEOUT_MS, logFile(n)),
    stop: () => stopByPidFile(name),
  };
}

/** The brokers: one (named kafka), or kafka-1…3 in the cluster profile. */
export const brokers: LabService[] = Array.from({ length: topology.brokers }, (_, n) => broker(n));

async function roundTrip(): Promise<boolean> {
  const kafka = new Kafka({ clientId: "lab-up", brokers: bootstrapServers().split(","), logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 2000 });
  const topic = "_lab_readiness";
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: topology.brokers }], waitForLeaders: true });
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

/** Ready: a message produced to a readiness topic (on every broker) comes back to a consumer. */
export const kafkaReady = () => waitFor("Kafka produce/consume round trip", roundTrip, READY_TIMEOUT_MS, brokers[0].logFile());
