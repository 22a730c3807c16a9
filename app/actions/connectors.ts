"use server";
// The connectors area's server actions: the UI's door to the same guarded operations as the JSON routes
// (lib/connect/operations.ts) — same guard, schema, audit and `{ ok, data } | { ok, error }` result.
import { runAction } from "@/lib/auth/guard";
import { connectorOps } from "@/lib/connect/operations";

type Ref = { cluster: string; name: string };

export async function registerConnectorAction(cluster: string, draft: unknown) {
  return runAction(connectorOps.create, { cluster }, draft);
}

export async function validateConnectorAction(cluster: string, draft: unknown) {
  return runAction(connectorOps.validate, { cluster }, draft);
}

export async function pauseConnectorAction(ref: Ref) {
  return runAction(connectorOps.pause, ref);
}

export async function resumeConnectorAction(ref: Ref) {
  return runAction(connectorOps.resume, ref);
}

export async function stopConnectorAction(ref: Ref) {
  return runAction(connectorOps.stop, ref);
}

export async function restartConnectorAction(ref: Ref, options: unknown) {
  return runAction(connectorOps.restart, ref, options);
}

export async function restartTaskAction(ref: Ref, task: number) {
  return runAction(connectorOps.restartTask, { ...ref, task: String(task) });
}

export async function updateConnectorConfigAction(ref: Ref, config: unknown) {
  return runAction(connectorOps.update, ref, { config });
}

export async function deleteConnectorAction(ref: Ref, confirm: string) {
  return runAction(connectorOps.delete, ref, { confirm });
}

export async function alterOffsetsAction(ref: Ref, offsets: unknown) {
  return runAction(connectorOps.alterOffsets, ref, { offsets });
}

export async function resetOffsetsAction(ref: Ref) {
  return runAction(connectorOps.resetOffsets, ref);
}
