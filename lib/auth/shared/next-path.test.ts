import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

// What the browser does with the answer: resolve it against the console's own origin.
const landsOn = (next: string | undefined) => new URL(safeNextPath(next), "http://127.0.0.1:3000/login").origin;

describe("safeNextPath (the login page's ?next=)", () => {
  it("keeps a path of the console, with its query and hash", () => {
    expect(safeNextPath("/topics/orders?from=earliest#m1")).toBe("/topics/orders?from=earliest#m1");
    expect(safeNextPath("/")).toBe("/");
  });

  it("never leads to another origin: backslash, tab, protocol-relative and absolute forms", () => {
    // searchParams hands the page the decoded values of ?next=/%5Cevil.example/x and ?next=/%09/evil.example/x
    for (const next of ["/\\evil.example/x", "/\t/evil.example/x", "//evil.example/x", "/\\/evil.example", "http://evil.example/", "https:evil.example", "javascript:alert(1)", "/\n/evil.example", " //evil.example"]) {
      expect(landsOn(next), next).toBe("http://127.0.0.1:3000");
    }
  });

  it("falls back to the overview for nothing or a non-path", () => {
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath("")).toBe("/");
    expect(safeNextPath("topics")).toBe("/");
  });
});
