import { describe, expect, it } from "vitest";
import { decodeUtf8, jsonLines, prettyJson } from "./text";

describe("text previews", () => {
  it("pretty-prints JSON and keeps invalid text as it is", () => {
    expect(prettyJson('{"a":1}')).toMatchObject({ text: '{\n  "a": 1\n}', valid: true });
    expect(prettyJson('{"a":')).toMatchObject({ text: '{"a":', valid: false });
  });

  it("reads JSON Lines, drops a line cut by the range read and decodes change events", () => {
    const text = '{"op":"c","before":null,"after":{"id":1},"source":{"table":"pessoas"}}\n{"n":2}\n\n{"n":3';
    const r = jsonLines(text, true);
    expect(r.lines.map((l) => l.line)).toEqual([1, 2]);
    expect(r.lines[0].event?.op).toBe("c");
    expect(r.lines[1].event).toBeNull();
    expect(r.truncated).toBe(true);
    expect(jsonLines('{"n":1}\n{"n":2}\n', false).lines).toHaveLength(2);
  });

  it("drops a UTF-8 character cut at the end of a range", () => {
    const bytes = new TextEncoder().encode("ação");
    expect(decodeUtf8(bytes.slice(0, 4), true)).toBe("aç");
  });
});
