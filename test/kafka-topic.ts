// A topic of a test's own on the lab's Kafka: created with one partition (its leader elected) and, when given, the
// records a sink or a page under test then reads.
import type { Kafka, Message } from "kafkajs";

export async function createTopicWith(kafka: Kafka, topic: string, messages: Message[] = []): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  if (!messages.length) return;
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
}
