import { describe, expect, it } from "vitest";
import { connectInternalTopics, parseWorkerProperties } from "./connect-internal";

describe("Connect's internal topics, from the workers' own config", () => {
  it("reads the three storage topics from a worker properties file", () => {
    const props = parseWorkerProperties("# worker\ngroup.id=liga_sudoers\nconfig.storage.topic = debezium_configs\noffset.storage.topic=debezium_offsets\nstatus.storage.topic:debezium_status\n");
    expect(connectInternalTopics([props])).toMatchObject({ config: ["connect-configs", "debezium_configs"], offset: ["connect-offsets", "debezium_offsets"], status: ["connect-status", "debezium_status"] });
  });

  it("keeps Connect's defaults when no worker config is readable", () => {
    expect(connectInternalTopics([]).config).toEqual(["connect-configs"]);
  });
});
