import { describe, expect, it } from "vitest";
import { brokerList, brokerMembers, replicationHealth } from "./cluster-view";

const live = (ids: number[]) => ids.map((id) => ({ nodeId: id, host: "127.0.0.1", port: 9390 + 2 * id }));
const configured = ["127.0.0.1:9392", "127.0.0.1:9394", "127.0.0.1:9396"];

describe("the brokers of a cluster, as the console shows them", () => {
  it("three brokers up: leader and replica counts, the controller marked, nothing degraded", () => {
    const parts = [
      { leader: 1, replicas: [1, 2, 3] },
      { leader: 2, replicas: [2, 3, 1] },
      { leader: 1, replicas: [1, 3, 2] },
    ];
    const list = brokerList(configured, live([1, 2, 3]), 2, parts);
    expect(list.map((b) => [b.id, b.endpoint, b.up, b.controller, b.leaderCount, b.replicaCount])).toEqual([
      [1, "127.0.0.1:9392", true, false, 2, 3],
      [2, "127.0.0.1:9394", true, true, 1, 3],
      [3, "127.0.0.1:9396", true, false, 0, 3],
    ]);
    expect(brokerMembers(list)).toMatchObject({ kind: "brokers", expected: 3, up: 3 });
  });

  it("a stopped broker is still listed, down: by id and address when one of each is missing", () => {
    const list = brokerList(configured, live([1, 3]), 1, [{ leader: 1, replicas: [2, 1, 3] }]);
    expect(list.find((b) => b.id === 2)).toMatchObject({ endpoint: "127.0.0.1:9394", up: false, leaderCount: 0, replicaCount: 1 });
    expect(brokerMembers(list)).toMatchObject({ expected: 3, up: 2 });
  });

  it("without partitions (the health probe) a missing broker is named by its configured address", () => {
    const members = brokerMembers(brokerList(configured, live([1, 3]), 1));
    expect(members?.list.filter((m) => !m.up)).toEqual([{ name: "127.0.0.1:9394", endpoint: "127.0.0.1:9394", up: false }]);
  });

  it("localhost and 127.0.0.1 are the same broker", () => {
    expect(brokerList(["localhost:9392"], live([1]), 1).map((b) => b.up)).toEqual([true]);
  });

  it("a single broker has no members: the health strip looks as it always did", () => {
    expect(brokerMembers(brokerList(["127.0.0.1:9092"], [{ nodeId: 1, host: "127.0.0.1", port: 9092 }], 1))).toBeUndefined();
  });

  it("counts under-replicated partitions and those without a live leader", () => {
    const parts = [
      { leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] },
      { leader: 1, replicas: [1, 2, 3], isr: [1, 3] },
      { leader: -1, replicas: [2], isr: [] },
      { leader: 2, replicas: [2, 1], isr: [2, 1] },
    ];
    expect(replicationHealth(parts)).toEqual({ underReplicated: 1, offline: 1 });
    // Leader 2 is not live any more (metadata not yet updated): offline too.
    expect(replicationHealth(parts, new Set([1, 3]))).toEqual({ underReplicated: 1, offline: 2 });
  });
});
