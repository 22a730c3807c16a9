import "server-only";
import type { Admin } from "kafkajs";
import { kafka } from "./client";
import { kafkaError } from "./errors";

/**
 * Runs `fn` with a freshly connected admin client and disconnects it. A client per request, not a shared one:
 * kafkajs remembers every topic an admin looked at and its later metadata refreshes fail once such a topic is
 * deleted (students delete topics).
 */
export async function withAdmin<T>(doing: string, fn: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka().admin();
  try {
    await admin.connect();
    return await fn(admin);
  } catch (e) {
    throw kafkaError(e, doing);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * A topic's offsets, asked again a few times: while a broker of a cluster stops, kafkajs can route the request by
 * metadata that still names it as a leader and fail ("Cannot destructure property 'partitions' of 'high.pop(...)'")
 * until the leaders have moved, a matter of seconds. A read, so asking again changes nothing.
 */
export async function topicOffsets(admin: Admin, topic: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (e) {
      // Only what a moving leader causes: kafkajs's TypeError above, or an error Kafka marks retriable.
      const transient = e instanceof TypeError || (e as { retriable?: boolean }).retriable === true;
      if (!transient || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}
