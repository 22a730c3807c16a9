import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeIssues, didYouMean } from "./issues";

describe("describeIssues", () => {
  const schema = z.strictObject({
    generator: z.enum(["historical", "cdc"]),
    orders: z.number().int().min(1).max(1_000_000).default(100_000),
    nested: z.strictObject({ partitions: z.number() }).optional(),
  });

  it("names an unknown key and the known key it most likely meant", () => {
    const r = schema.safeParse({ generator: "historical", order: 10 });
    expect(r.success).toBe(false);
    const [issue] = describeIssues(r.error!.issues, schema);
    expect(issue).toMatchObject({ path: "order", code: "unknown_key_suggest", params: { key: "order", suggestion: "orders" } });
    expect(issue!.message).toContain('did you mean "orders"');
  });

  it("looks for suggestions in nested objects too", () => {
    const r = schema.safeParse({ generator: "cdc", nested: { partitions: 8, partitons: 8 } });
    const [issue] = describeIssues(r.error!.issues, schema);
    expect(issue).toMatchObject({ path: "nested.partitons", params: { suggestion: "partitions" } });
  });

  it("says the range of an out-of-range number", () => {
    const r = schema.safeParse({ generator: "cdc", orders: 0 });
    expect(describeIssues(r.error!.issues, schema)[0]).toMatchObject({ path: "orders", code: "too_small_number", params: { limit: 1 } });
  });

  it("offers no suggestion for a key unlike any known one", () => {
    expect(didYouMean("zzzzzz", ["generator", "orders"])).toBeNull();
  });
});

describe("describeIssues over a discriminated union", () => {
  it("suggests the key of the chosen option", () => {
    const union = z.discriminatedUnion("kind", [z.strictObject({ kind: z.literal("a"), orders: z.number().optional() }), z.strictObject({ kind: z.literal("b"), rate: z.number() })]);
    const r = union.safeParse({ kind: "a", order: 1 });
    expect(describeIssues(r.error!.issues, union)[0]).toMatchObject({ path: "order", params: { suggestion: "orders" } });
  });
});
