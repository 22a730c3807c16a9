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
