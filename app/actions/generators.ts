"use server";
// The generators' server actions over the same guarded operations as the JSON routes (lib/generators/operations.ts).
import { runAction } from "@/lib/auth/guard";
import { generatorOps } from "@/lib/generators/operations";

export async function startGeneratorAction(input: unknown) {
  return runAction(generatorOps.start, {}, input);
}

export async function stopGeneratorAction(input: unknown) {
  return runAction(generatorOps.stop, {}, input);
}
