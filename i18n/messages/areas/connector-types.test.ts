import { describe, expect, it } from "vitest";
import { connectorsEn, connectorsPtBR } from "./connectors";

// "fonte" beside "sink" on the same list: both types in the reader's language, each with Connect's own term.
describe("connector type labels", () => {
  it("names source and sink in Portuguese, each followed by Kafka Connect's term", () => {
    expect(connectorsPtBR.types.source).toBe("fonte (source)");
    expect(connectorsPtBR.types.sink).toBe("destino (sink)");
    expect(connectorsEn.types).toMatchObject({ source: "source", sink: "sink" });
  });
});
