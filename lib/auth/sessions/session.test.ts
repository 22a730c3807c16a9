import { describe, expect, it } from "vitest";
import { readCookie, signSession, verifySession } from "./session";

const SECRET = "a-test-secret-of-enough-length";
const SID = "a-session-id-0123456789";

describe("session tokens", () => {
  it("round-trips a valid session", async () => {
    const token = await signSession({ u: "viewer", r: "viewer", exp: Date.now() + 60_000, sid: SID }, SECRET);
    expect(await verifySession(token, SECRET)).toMatchObject({ u: "viewer", r: "viewer" });
  });

  it("rejects an expired session", async () => {
    const token = await signSession({ u: "operator", r: "operator", exp: Date.now() - 1, sid: SID }, SECRET);
    expect(await verifySession(token, SECRET)).toBeNull();
  });

  it("rejects a token signed with another secret or edited to claim another role", async () => {
    const token = await signSession({ u: "viewer", r: "viewer", exp: Date.now() + 60_000, sid: SID }, SECRET);
    expect(await verifySession(token, "another-secret-of-enough-length")).toBeNull();
    const [, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ u: "viewer", r: "operator", exp: Date.now() + 60_000, sid: SID })).toString("base64url");
    expect(await verifySession(`${forged}.${sig}`, SECRET)).toBeNull();
    expect(await verifySession("garbage", SECRET)).toBeNull();
    expect(await verifySession(undefined, SECRET)).toBeNull();
  });
});

describe("readCookie", () => {
  it("finds one cookie among several", () => {
    expect(readCookie("a=1; lab_session=abc.def; locale=en", "lab_session")).toBe("abc.def");
    expect(readCookie("a=1", "lab_session")).toBeNull();
    expect(readCookie(null, "lab_session")).toBeNull();
  });
});
