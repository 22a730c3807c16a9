import { describe, expect, it } from "vitest";
import { parseArgs } from "../cli-args";
import { startParams } from "./params";
import { targetOf } from "../run/targets";

describe("start parameters", () => {
  it("fill the seed's defaults", () => {
    expect(startParams.parse({ generator: "historical" })).toMatchObject({ orders: 100_000, fraudShare: 0.01, rate: null, batchSize: 5_000, connections: 2 });
    expect(startParams.parse({ generator: "streaming" })).toMatchObject({ rate: 2, fraudShare: 0.05 });
    expect(startParams.parse({ generator: "cdc" })).toMatchObject({ rate: 0.25, scope: "all" });
  });

  it("refuse what makes no sense", () => {
    for (const bad of [
      { generator: "nope" },
      { generator: "historical", orders: 0 },
      { generator: "historical", fraudShare: 1.5 },
      { generator: "streaming", rate: -1 },
      { generator: "streaming", batchSize: 0 },
      { generator: "cdc", scope: "everyone" },
      { generator: "cdc", seed: 2 ** 33 },
    ]) expect(startParams.safeParse(bad).success).toBe(false);
  });

  it("give a target from the count or from rate × duration", () => {
    expect(targetOf(startParams.parse({ generator: "historical", orders: 10 }))).toBe(10);
    expect(targetOf(startParams.parse({ generator: "streaming", rate: 20, durationS: 30 }))).toBe(600);
    expect(targetOf(startParams.parse({ generator: "streaming" }))).toBeNull();
  });
});

describe("CLI arguments", () => {
  it("map options onto the start request", () => {
    expect(parseArgs(["historical", "--orders", "1000000", "--seed", "42"]).input).toEqual({ generator: "historical", orders: 1_000_000, seed: 42 });
    expect(parseArgs(["streaming", "--rate", "max", "--duration", "5", "--quiet"])).toEqual({ input: { generator: "streaming", rate: null, durationS: 5 }, quiet: true });
    expect(() => parseArgs(["cdc", "--bogus", "1"])).toThrow(/unknown option --bogus/);
    expect(() => parseArgs(["cdc", "--rate"])).toThrow(/needs a value/);
  });
});
