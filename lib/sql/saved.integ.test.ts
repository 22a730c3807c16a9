// Saved queries in the console database: listed per user, changed only by their owner.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { createSaved, deleteSaved, listSaved, updateSaved } from "./saved";

const RUN = Date.now().toString(36);
const ana = `sql-it-ana-${RUN}`;
const bia = `sql-it-bia-${RUN}`;

afterAll(async () => {
  await db().sqlSavedQuery.deleteMany({ where: { owner: { in: [ana, bia] } } });
  await db().$disconnect();
});

describe("saved SQL queries", () => {
  it("lists each user's own queries, newest change first, and only the owner may change one", async () => {
    const a1 = await createSaved(ana, { title: "contagem", sql: "SELECT count(*) FROM raw_pessoas", target: "lake", tables: [{ kind: "lake", name: "raw_pessoas", bucket: "raw", prefix: "topics/x/" }] });
    const a2 = await createSaved(ana, { title: "fraude", sql: "SELECT 1", target: "oltp", tables: [] });
    await createSaved(bia, { title: "da bia", sql: "SELECT 2", target: "dw", tables: [] });
    await updateSaved(ana, a1.id, { title: "contagem 2", sql: "SELECT count(*) AS n FROM raw_pessoas", target: "lake", tables: a1.tables });
    const mine = await listSaved(ana);
    expect(mine.map((q) => q.title)).toEqual(["contagem 2", "fraude"]);
    expect(mine[0]!.tables).toEqual(a1.tables);
    expect((await listSaved(bia)).map((q) => q.title)).toEqual(["da bia"]);
    await expect(updateSaved(bia, a2.id, { title: "x", sql: "SELECT 3", target: "lake", tables: [] })).rejects.toMatchObject({ code: "sql_saved_not_found" });
    await expect(deleteSaved(bia, a2.id)).rejects.toMatchObject({ code: "sql_saved_not_found" });
    await deleteSaved(ana, a2.id);
    expect((await listSaved(ana)).map((q) => q.title)).toEqual(["contagem 2"]);
  });
});
