import { describe, expect, it } from "vitest";
import type { ObjectEntry } from "./lake-types";
import { keepNewest } from "../objects/latest";
import { baseName, breadcrumbs, comparePartitionValues, folderEntry, newestPartition, parentPrefix, parsePartition } from "./paths";

describe("key paths", () => {
  it("reads key=value segments as partitions", () => {
    expect(parsePartition("year=2026")).toEqual({ key: "year", value: "2026" });
    expect(parsePartition("dt=2026-11-28")).toEqual({ key: "dt", value: "2026-11-28" });
    expect(parsePartition("topics")).toBeNull();
    expect(parsePartition("=x")).toBeNull();
    expect(parsePartition("a=")).toBeNull();
  });

  it("names folders relative to the listed prefix", () => {
    expect(folderEntry("topics/t/year=2026/", "topics/t/")).toEqual({ prefix: "topics/t/year=2026/", name: "year=2026", partition: { key: "year", value: "2026" } });
    expect(folderEntry("raw/", "")).toMatchObject({ name: "raw", partition: null });
  });

  it("splits breadcrumbs, parents and base names", () => {
    expect(breadcrumbs("topics/year=2026/")).toEqual([
      { label: "topics", prefix: "topics/", partition: null },
      { label: "year=2026", prefix: "topics/year=2026/", partition: { key: "year", value: "2026" } },
    ]);
    expect(breadcrumbs("")).toEqual([]);
    expect(parentPrefix("a/b/c.json")).toBe("a/b/");
    expect(parentPrefix("a/b/")).toBe("a/");
    expect(parentPrefix("c.json")).toBe("");
    expect(baseName("a/b/c.json")).toBe("c.json");
  });

  it("picks the newest partition numerically (day=10 after day=9)", () => {
    expect(comparePartitionValues("9", "10")).toBeLessThan(0);
    expect(comparePartitionValues("2026-11-09", "2026-11-10")).toBeLessThan(0);
    const folders = ["day=9/", "day=10/", "day=08/", "other/"].map((p) => folderEntry(p, ""));
    expect(newestPartition(folders)?.prefix).toBe("day=10/");
    expect(newestPartition([folderEntry("topics/", "")])).toBeNull();
  });

  it("keeps only the newest entries, newest first", () => {
    const at = (key: string, t: string): ObjectEntry => ({ key, name: key, size: 1, etag: null, lastModified: t });
    const kept = keepNewest([at("a", "2026-01-01T00:00:01Z"), at("b", "2026-01-01T00:00:03Z")], [at("c", "2026-01-01T00:00:02Z")], 2);
    expect(kept.map((o) => o.key)).toEqual(["b", "c"]);
  });
});
