import { describe, expect, it } from "vitest";
import type { ConnectorSummary } from "./shared/types";
import { workerIdOf, workerViews } from "./workers";

const connector = (name: string, worker: string, tasks: string[]): ConnectorSummary => ({
  cluster: "0",
  name,
  type: "sink",
  className: "x",
  version: null,
  state: "RUNNING",
  workerId: worker,
  trace: null,
  tasks: tasks.map((w, id) => ({ id, state: "RUNNING", workerId: w, version: null, trace: null })),
  configuredTopics: [],
});

describe("the workers of a Connect cluster", () => {
  it("names a worker as Connect does (host:port)", () => {
    expect(workerIdOf("http://127.0.0.1:8383")).toBe("127.0.0.1:8383");
    expect(workerIdOf("https://connect.example")).toBe("connect.example:443");
  });

  it("lists each configured worker with what it runs; one that does not answer runs nothing once its tasks moved", () => {
    const urls = ["http://127.0.0.1:8383", "http://127.0.0.1:8384"];
    const views = workerViews(urls, [false, true], [connector("sink", "127.0.0.1:8384", ["127.0.0.1:8384", "127.0.0.1:8384"])]);
    expect(views).toEqual([
      { id: "127.0.0.1:8383", url: urls[0], up: false, connectors: 0, tasks: [] },
      { id: "127.0.0.1:8384", url: urls[1], up: true, connectors: 1, tasks: ["sink-0", "sink-1"] },
    ]);
  });

  it("a worker of the group that is not configured still appears, since it runs tasks", () => {
    const views = workerViews(["http://127.0.0.1:8383"], [true], [connector("src", "127.0.0.1:8383", ["10.0.0.9:8083"])]);
    expect(views.map((v) => [v.id, v.url, v.tasks])).toEqual([
      ["127.0.0.1:8383", "http://127.0.0.1:8383", []],
      ["10.0.0.9:8083", null, ["src-0"]],
    ]);
  });
});
