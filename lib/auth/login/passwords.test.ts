import { describe, expect, it } from "vitest";
import { checkPassword, hashPassword } from "./passwords";

describe("checkPassword", () => {
  it("accepts the configured plain secret and its scrypt hash, and nothing else", () => {
    expect(checkPassword("s3cret!", "s3cret!")).toBe(true);
    expect(checkPassword("wrong", "s3cret!")).toBe(false);
    const hash = hashPassword("s3cret!");
    expect(hash).toMatch(/^scrypt\$/);
    expect(checkPassword("s3cret!", hash)).toBe(true);
    expect(checkPassword("wrong", hash)).toBe(false);
  });

  it("never accepts anything for an account without a password", () => {
    expect(checkPassword("", null)).toBe(false);
    expect(checkPassword("anything", null)).toBe(false);
  });
});
