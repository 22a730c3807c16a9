import { describe, expect, it } from "vitest";
import { objectKeyProblem, objectKeySchema } from "./object-key";

describe("objectKeyProblem", () => {
  it("accepts the lake's ordinary keys, unicode and spaces included", () => {
    for (const key of ["year=2026/month=12/day=01/part-0001.jsonl", "raw/pessoas.csv", "relatórios/ação 1.parquet", "a..b/c", "...", "file.", ".hidden", "a/.b"]) {
      expect(objectKeyProblem(key), key).toBeNull();
    }
  });

  it("refuses dot segments, also percent-encoded or with backslashes, naming the rule", () => {
    for (const key of ["..", "../x", "a/../b", "a/..", "./x", "a/./b", "%2e%2e%2fx", "a/%2E%2E/b", "a/%2e%2e%5cb", "a\\..\\b", "..\\x"]) {
      expect(objectKeyProblem(key)?.rule, key).toBe("dotSegment");
    }
  });

  it("refuses empty keys, keys over 1,024 bytes, and control characters", () => {
    expect(objectKeyProblem("")?.rule).toBe("empty");
    expect(objectKeyProblem("é".repeat(513))?.rule).toBe("length");
    expect(objectKeyProblem("a\u0000b")?.rule).toBe("control");
    expect(objectKeyProblem("a\nb")?.rule).toBe("control");
  });

  it("as a zod schema, fails with the rule's message", () => {
    const r = objectKeySchema.safeParse("a/../b");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/"\.\."/);
  });
});
