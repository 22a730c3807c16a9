"use server";
// The topics area's server actions over the same guarded operations as the JSON routes (lib/kafka/operations.ts).
import { runAction } from "@/lib/auth/guard";
import { topicOps } from "@/lib/kafka/operations";

export async function createTopicAction(input: unknown) {
  return runAction(topicOps.create, {}, input);
}

export async function deleteTopicAction(topic: string) {
  return runAction(topicOps.delete, { topic });
}
