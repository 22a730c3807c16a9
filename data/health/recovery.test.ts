import { describe, expect, it } from "vitest";
import type { LabHealth } from "@/lib/shared/health-types";
import { recoveredServices, rootsToRefetch } from "./recovery";

const report = (up: Record<string, boolean>): LabHealth =>
  ({ ok: Object.values(up).every(Boolean), checkedAt: "2026-12-01T12:00:00Z", services: Object.entries(up).map(([id, isUp]) => ({ id, up: isUp, latencyMs: 1 })) }) as unknown as LabHealth;

describe("recovery", () => {
  it("names the services that came back, not those that stayed up or went down", () => {
    const before = report({ s3: false, kafka: true, connect: true });
    const after = report({ s3: true, kafka: true, connect: false });
    expect(recoveredServices(before, after)).toEqual(["s3"]);
    expect(recoveredServices(undefined, after)).toEqual([]);
  });

  it("maps them to the views that read them", () => {
    expect(rootsToRefetch(["s3"])).toEqual(["lake", "sql"]);
    expect(rootsToRefetch(["kafka", "connect"]).sort()).toEqual(["connect", "database", "topics"]);
  });
});
