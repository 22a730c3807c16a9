import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { listAudit, writeAudit } from "./audit";
import { db } from "./db";

// Against the console's real database: the audit list's text filters match what was typed, literally.
const run = randomBytes(4).toString("hex");
const IP = "10.9.6.1";
const entry = (action: string, target: string) => writeAudit({ actor: "security-test", role: "operator", clientIp: IP, action, target, params: null, outcome: "ok", error: null, durationMs: 1 });

afterAll(async () => {
  await db().auditEntry.deleteMany({ where: { clientIp: IP } });
});

describe("audit filters", () => {
  it("treat _ and % in the target and action filters as the characters themselves, not wildcards", async () => {
    await entry(`security_${run}.do`, `security-a_b-${run}`);
    await entry(`securityX${run}.do`, `security-aXb-${run}`);
    await entry(`security%${run}.do`, `security-100%-${run}`);

    const underscore = await listAudit({ target: `a_b-${run}`, limit: 50 });
    expect(underscore.rows.map((r) => r.target)).toEqual([`security-a_b-${run}`]);

    const percent = await listAudit({ target: `%-${run}`, limit: 50 });
    expect(percent.rows.map((r) => r.target)).toEqual([`security-100%-${run}`]);

    const action = await listAudit({ action: `security_${run}`, limit: 50 });
    expect(action.rows.map((r) => r.action)).toEqual([`security_${run}.do`]);

    // A plain "%" matches only targets that hold one, not every row.
    const all = await listAudit({ target: "%", limit: 200 });
    expect(all.rows.every((r) => r.target?.includes("%"))).toBe(true);

    // Backslashes too (the LIKE escape character).
    await entry(`security-bs.${run}`, `security-a\\b-${run}`);
    expect((await listAudit({ target: `a\\b-${run}`, limit: 50 })).rows.map((r) => r.target)).toEqual([`security-a\\b-${run}`]);
  });
});
