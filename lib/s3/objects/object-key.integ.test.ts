import path from "node:path";
import { describe, expect, it } from "vitest";

// Object keys with dot segments, against the lab's real S3 server through the console's routes: a clear 422
// naming the rule, instead of the server's opaque "UnknownError"/"InvalidURI" (or another object).
const ROOT = path.resolve(import.meta.dirname, "../../..");
const BUCKET = "raw";

async function route(rel: string) {
  return import(/* @vite-ignore */ path.join(ROOT, "app/api/lake/buckets/[bucket]", rel));
}

describe("object keys", () => {
  it("refuses ../ and its percent-encoded forms with 422 on read and on upload, before S3 sees them", async () => {
    const head = (await route("object/route.ts")).GET;
    for (const key of ["../etc/passwd", "a/../../b", "a/%2e%2e%2fb", "%2E%2E/x", "./x", "a/..\\b"]) {
      const res: Response = await head(new Request(`http://127.0.0.1:3000/api/lake/buckets/${BUCKET}/object?key=${encodeURIComponent(key)}`), { params: Promise.resolve({ bucket: BUCKET }) });
      expect(res.status, key).toBe(422);
      const body = await res.json();
      expect(body.error.code, key).toBe("invalid_input");
      expect(body.error.message, key).toMatch(/"\."|"\.\."|dot segment/);
    }
    const start = (await route("uploads/route.ts")).POST;
    const res: Response = await start(new Request(`http://127.0.0.1:3000/api/lake/buckets/${BUCKET}/uploads`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ key: "security/../../escape.txt" }) }), { params: Promise.resolve({ bucket: BUCKET }) });
    expect(res.status).toBe(422);
  });

  it("still reaches S3 for an ordinary key (a missing one is a 404, not a 422)", async () => {
    const head = (await route("object/route.ts")).GET;
    const res: Response = await head(new Request(`http://127.0.0.1:3000/api/lake/buckets/${BUCKET}/object?key=${encodeURIComponent("security/no-such-object.json")}`), { params: Promise.resolve({ bucket: BUCKET }) });
    expect(res.status).toBe(404);
  });
});
