import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { ownerGone, THIS_OWNER } from "./run/run-store";
import { toRanges } from "./run/sql";

describe("a run's owner", () => {
  it("is gone when its process of this host no longer exists, and alive otherwise", () => {
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
    expect(ownerGone(`${hostname()}:${dead}`)).toBe(true);
    expect(ownerGone(THIS_OWNER)).toBe(false);
    expect(ownerGone(`${hostname()}:${process.ppid}`)).toBe(false);
    // another host's process cannot be checked from here: only its heartbeat tells
    expect(ownerGone(`some-other-host:${dead}`)).toBe(false);
    expect(ownerGone(null)).toBe(false);
  });
});

describe("the pedidos ids a run reserved", () => {
  it("are stored as inclusive ranges", () => {
    expect(toRanges([1, 2, 3, 7, 9, 10])).toEqual([[1, 3], [7, 7], [9, 10]]);
    expect(toRanges([])).toEqual([]);
  });
});
