import { describe, expect, it } from "vitest";
import { locateJsonError } from "./json-error";

describe("locateJsonError", () => {
  it("is null for valid JSON, whatever its shape", () => {
    for (const ok of ['{"a":1,"b":[true,false,null,-1.5e3,"x\\u00e9"]}', "[]", '"s"', " 0 ", '{"nested":{"k":{}}}']) {
      expect(locateJsonError(ok), ok).toBeNull();
      JSON.parse(ok);
    }
  });

  it("points at the line and column of the first error, as a person counts them", () => {
    expect(locateJsonError('{\n  "a": 1,\n  "b" 2\n}')).toEqual({ line: 3, column: 7, found: "2" });
    expect(locateJsonError('{"a":}')).toEqual({ line: 1, column: 6, found: "}" });
    expect(locateJsonError("[1,]")).toEqual({ line: 1, column: 4, found: "]" });
    expect(locateJsonError("{'a': 1}")).toEqual({ line: 1, column: 2, found: "'" });
  });

  it("says the text ended too early", () => {
    expect(locateJsonError('{"a":1')).toEqual({ line: 1, column: 7, found: "end" });
    expect(locateJsonError("")).toEqual({ line: 1, column: 1, found: "end" });
  });

  it("agrees with JSON.parse on what is not JSON", () => {
    for (const bad of ['{"a":1,}', "01", '"\n"', "tru", "1 2", "{a:1}", "-", '"\\x"']) {
      expect(locateJsonError(bad), bad).not.toBeNull();
      expect(() => JSON.parse(bad)).toThrow();
    }
  });
});
