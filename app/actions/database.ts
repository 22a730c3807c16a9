"use server";
// The Database area's server actions over the same guarded operations as its JSON routes (lib/pg/operations.ts).
import { runAction } from "@/lib/auth/guard";
import { databaseOps } from "@/lib/pg/operations";

export async function applyFixAction(db: string, input: unknown) {
  return runAction(databaseOps.fix, { db }, input);
}

export async function createPublicationAction(db: string, input: unknown) {
  return runAction(databaseOps.createPublication, { db }, input);
}

export async function dropPublicationAction(db: string, publication: string) {
  return runAction(databaseOps.dropPublication, { db, publication });
}

export async function addPublicationTableAction(db: string, publication: string, input: unknown) {
  return runAction(databaseOps.addTable, { db, publication }, input);
}

export async function removePublicationTableAction(db: string, publication: string, input: unknown) {
  return runAction(databaseOps.removeTable, { db, publication }, input);
}

export async function dropSlotAction(db: string, slot: string) {
  return runAction(databaseOps.dropSlot, { db, slot });
}

export async function prepareSnapshotsAction(cluster: string, connector: string) {
  return runAction(databaseOps.prepareSnapshots, { cluster, connector });
}

export async function startSnapshotAction(cluster: string, connector: string, input: unknown) {
  return runAction(databaseOps.startSnapshot, { cluster, connector }, input);
}
