// Kafka's cluster id for `kafka-storage format -t <id>`: a random UUID in base64url (22 characters).
import { randomBytes } from "node:crypto";

/**
 * base64url's first character comes from the top 6 bits of the first byte; "-" (62) and "_" (63) need its top bit
 * set. A leading "-" makes kafka-storage read the id as an option (about one fresh lab in 64 failed to format), so
 * the top bit is cleared: the id starts with A–Z or a–f, and is still 16 random bytes (minus one bit).
 */
export function kafkaClusterId(bytes: Buffer = randomBytes(16)): string {
  if (bytes.length !== 16) throw new Error(`a Kafka cluster id is 16 bytes, got ${bytes.length}`);
  const b = Buffer.from(bytes);
  b[0] &= 0x7f;
  return b.toString("base64url");
}
