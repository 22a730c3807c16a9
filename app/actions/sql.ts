"use server";
// The SQL page's server actions over the same guarded operations as the JSON routes (lib/sql/operations.ts).
// Running a query stays a fetch of /api/sql/query: a server action cannot be cancelled from the browser.
import { runAction } from "@/lib/auth/guard";
import { sqlOps } from "@/lib/sql/operations";

export async function saveParquetAction(input: unknown) {
  return runAction(sqlOps.saveParquet, {}, input);
}

export async function createSavedQueryAction(input: unknown) {
  return runAction(sqlOps.createSaved, {}, input);
}

export async function updateSavedQueryAction(id: string, input: unknown) {
  return runAction(sqlOps.updateSaved, { id }, input);
}

export async function deleteSavedQueryAction(id: string) {
  return runAction(sqlOps.deleteSaved, { id });
}
