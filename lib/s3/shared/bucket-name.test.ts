import { describe, expect, it } from "vitest";
import { bucketNameProblem, bucketNameSchema, existingBucketSchema } from "./bucket-name";

describe("bucketNameProblem", () => {
  it.each(["raw", "trusted", "gold", "lake-test-1", "my.bucket.name", "a1b", "x".repeat(63)])("accepts %s", (name) => {
    expect(bucketNameProblem(name)).toBeNull();
  });

  it.each([
    ["ab", "length"],
    ["x".repeat(64), "length"],
    ["Raw", "characters"],
    ["my_bucket", "characters"],
    ["bucket/name", "characters"],
    ["-raw", "edges"],
    ["raw-", "edges"],
    [".raw", "edges"],
    ["my..bucket", "adjacentDots"],
    ["192.168.5.4", "ipAddress"],
    ["xn--bucket", "reservedPrefix"],
    ["sthree-data", "reservedPrefix"],
    ["data-s3alias", "reservedSuffix"],
    ["data--ol-s3", "reservedSuffix"],
  ] as const)("refuses %s (%s)", (name, rule) => {
    expect(bucketNameProblem(name)?.rule).toBe(rule);
  });

  it("names the rule in the zod issue", () => {
    const result = bucketNameSchema.safeParse("Bad_Name");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/lowercase letters, digits/);
  });

  it("lets existing, legacy names through but never path separators", () => {
    expect(existingBucketSchema.safeParse("Legacy_Bucket").success).toBe(true);
    expect(existingBucketSchema.safeParse("a/b").success).toBe(false);
    expect(existingBucketSchema.safeParse("").success).toBe(false);
  });
});
