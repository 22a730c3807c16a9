import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { SavedQueryInput } from "./shared/inputs";
import type { SavedQuery } from "./shared/saved-types";
import type { TableBinding } from "./shared/types";

export type { SavedQuery } from "./shared/saved-types";

/** Most saved queries one user keeps. */
export const MAX_SAVED_PER_USER = 500;

type Row = { id: bigint; owner: string; title: string; sql: string; target: string; tables: unknown; createdAt: Date; updatedAt: Date };

function view(r: Row): SavedQuery {
  return {
    id: r.id.toString(),
    owner: r.owner,
    title: r.title,
    sql: r.sql,
    target: r.target as SavedQuery["target"],
    tables: (r.tables ?? []) as TableBinding[],
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function idOf(id: string): bigint {
  if (!/^\d{1,18}$/.test(id)) throw new AppError(422, "sql_saved_bad_id", `"${id}" is not a saved query id.`, "console");
  return BigInt(id);
}

/** The user's saved queries, most recently changed first. */
export async function listSaved(owner: string): Promise<SavedQuery[]> {
  const rows = await db().sqlSavedQuery.findMany({ where: { owner }, orderBy: { updatedAt: "desc" }, take: MAX_SAVED_PER_USER });
  return rows.map(view);
}

export async function createSaved(owner: string, input: SavedQueryInput): Promise<SavedQuery> {
  const count = await db().sqlSavedQuery.count({ where: { owner } });
  if (count >= MAX_SAVED_PER_USER) throw new AppError(409, "sql_saved_limit", `You have ${count} saved queries, the most kept per user: delete some first.`, "console");
  return view(await db().sqlSavedQuery.create({ data: { owner, ...input, tables: input.tables as object[] } }));
}

/** Only the owner's own rows change: another user's id answers not found. */
export async function updateSaved(owner: string, id: string, input: SavedQueryInput): Promise<SavedQuery> {
  const res = await db().sqlSavedQuery.updateMany({ where: { id: idOf(id), owner }, data: { ...input, tables: input.tables as object[] } });
  if (res.count === 0) throw new AppError(404, "sql_saved_not_found", `You have no saved query ${id}.`, "console");
  return view((await db().sqlSavedQuery.findUnique({ where: { id: idOf(id) } }))!);
}

export async function deleteSaved(owner: string, id: string): Promise<void> {
  const res = await db().sqlSavedQuery.deleteMany({ where: { id: idOf(id), owner } });
  if (res.count === 0) throw new AppError(404, "sql_saved_not_found", `You have no saved query ${id}.`, "console");
}
