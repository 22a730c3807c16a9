import { describe, expect, it } from "vitest";
import { bucketsStatus, capturesCourseTable, fraudStatus, isRecent, judgeFraudKind, pct, selectSource, shareBand, SP_MG_RJ_CELLS, withinBand, type SourceCandidate } from "./rules";

const counts = (orders: number, flagged: number) => ({ orders, flagged, geohash: flagged, device: 0 });

describe("fraud tolerance", () => {
  it("calls a share near when it lies within a factor of two of the course's", () => {
    expect(shareBand(0.01)).toEqual({ expected: 0.01, low: 0.005, high: 0.02 });
    expect(withinBand(0.012, shareBand(0.01))).toBe(true);
    expect(withinBand(0.004, shareBand(0.01))).toBe(false);
    expect(withinBand(0.3, shareBand(0.05))).toBe(false);
  });

  it("judges each kind, and refuses to judge too few orders", () => {
    expect(judgeFraudKind("historical", counts(1000, 9)).verdict).toBe("near");
    expect(judgeFraudKind("streaming", counts(1000, 0)).verdict).toBe("off");
    expect(judgeFraudKind("streaming", counts(1000, 300)).verdict).toBe("off");
    expect(judgeFraudKind("historical", counts(150, 2)).verdict).toBe("too_few");
    expect(judgeFraudKind("historical", counts(0, 0))).toMatchObject({ share: null, verdict: "too_few" });
  });

  it("is ok with one kind near and the other not yet measured; red with the share when one is off", () => {
    const near = judgeFraudKind("historical", counts(1000, 10));
    const few = judgeFraudKind("streaming", counts(10, 1));
    expect(fraudStatus([near, few])).toEqual({ status: "ok", cause: null });
    const off = judgeFraudKind("streaming", counts(400, 120));
    expect(fraudStatus([near, off])).toEqual({ status: "missing", cause: { code: "fraud_share_off", params: { kind: "streaming", share: "30.00", expected: "5.00", low: "2.50", high: "10.00" } } });
    expect(fraudStatus([few, judgeFraudKind("historical", counts(3, 0))]).cause).toMatchObject({ code: "fraud_too_few_orders", params: { min: 200, historical: 3, streaming: 10 } });
    expect(pct(0.01234)).toBe("1.23");
  });

  it("places the course's legitimate cells in SP, MG and RJ", () => {
    expect(SP_MG_RJ_CELLS).toEqual(["6gyc", "6gyf", "75cm", "75cn", "7h2w", "7h2y", "7h2z"]);
  });
});

describe("recently", () => {
  const now = Date.parse("2026-12-02T01:00:00Z");
  it("is within the window, and nothing is never recent", () => {
    expect(isRecent("2026-12-02T00:50:00Z", now, 15)).toBe(true);
    expect(isRecent("2026-12-02T00:44:59Z", now, 15)).toBe(false);
    expect(isRecent("2026-12-02T01:00:05Z", now, 15)).toBe(true);
    expect(isRecent(null, now, 15)).toBe(false);
    expect(isRecent("not a time", now, 15)).toBe(false);
  });
});

describe("the course's connector", () => {
  const c = (over: Partial<SourceCandidate>): SourceCandidate => ({ cluster: "0", name: "x", state: "RUNNING", tasks: [{ id: 0, state: "RUNNING" }], dbname: "liga_sudoers", tableIncludeList: ["public.pessoas"], tableExcludeList: [], ...over });

  it("captures pessoas or pedidos; an empty include list captures every table", () => {
    expect(capturesCourseTable(c({}))).toBe(true);
    expect(capturesCourseTable(c({ tableIncludeList: ["public\\.pedid.*"] }))).toBe(true);
    expect(capturesCourseTable(c({ tableIncludeList: [] }))).toBe(true);
    expect(capturesCourseTable(c({ tableIncludeList: ["public.produtos"] }))).toBe(false);
    expect(capturesCourseTable(c({ tableIncludeList: [], tableExcludeList: ["public.pessoas", "public.pedidos"] }))).toBe(false);
  });

  it("prefers a RUNNING one, then the course's name, and only on the target database", () => {
    const all = [
      c({ name: "zeta" }),
      c({ name: "postgres-connector-pessoas", state: "FAILED" }),
      c({ name: "alpha", dbname: "other" }),
      c({ name: "produtos-only", tableIncludeList: ["public.produtos"] }),
      c({ name: "postgres-connector-pessoas", cluster: "1" }),
    ];
    expect(selectSource(all, "liga_sudoers", null, "postgres-connector-pessoas")).toMatchObject({ name: "postgres-connector-pessoas", cluster: "1" });
    expect(selectSource(all.slice(0, 2), "liga_sudoers", null, "postgres-connector-pessoas")?.name).toBe("zeta");
    expect(selectSource(all, "nowhere", null, "postgres-connector-pessoas")).toBeNull();
    expect(selectSource(all, "liga_sudoers", { name: "produtos-only" }, "postgres-connector-pessoas")?.name).toBe("produtos-only");
    expect(selectSource(all, "liga_sudoers", { name: "alpha" }, "postgres-connector-pessoas")).toBeNull();
  });
});

describe("buckets", () => {
  it("needs every bucket, public where the server has policies", () => {
    expect(bucketsStatus([{ name: "raw", exists: true, access: "public" }, { name: "trusted", exists: false, access: null }])).toEqual({ status: "missing", cause: { code: "buckets_missing", params: { buckets: "trusted" } } });
    expect(bucketsStatus([{ name: "raw", exists: true, access: "private" }]).cause).toEqual({ code: "buckets_not_public", params: { buckets: "raw" } });
    expect(bucketsStatus([{ name: "raw", exists: true, access: "unsupported" }, { name: "trusted", exists: true, access: "public" }])).toEqual({ status: "ok", cause: null });
  });
});
