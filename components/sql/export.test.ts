import { describe, expect, it } from "vitest";
import { toCsv, toJsonLines } from "./export";

const columns = [
  { name: "id", type: "BIGINT" },
  { name: "nome", type: "VARCHAR" },
];

describe("result export", () => {
  it("quotes CSV cells with commas, quotes and line breaks, and leaves nulls empty", () => {
    expect(toCsv(columns, [["1", 'Ana "A", da Silva'], ["2", null]])).toBe('id,nome\r\n1,"Ana ""A"", da Silva"\r\n2,\r\n');
  });
  it("writes one JSON object per row", () => {
    expect(toJsonLines(columns, [["1", "Ana"], ["2", null]])).toBe('{"id":"1","nome":"Ana"}\n{"id":"2","nome":null}\n');
  });
});
