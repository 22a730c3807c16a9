import { describe, expect, it } from "vitest";
import { guessDelimiter, parseCsv } from "./csv";

describe("parseCsv", () => {
  it("reads quoted fields with delimiters, doubled quotes and line breaks", () => {
    const text = 'id,nome,obs\r\n1,"Silva, Ana","disse ""oi"""\n2,Bruno,"linha\nquebrada"\n';
    expect(parseCsv(text, { delimiter: ",", maxRows: 10, complete: true }).rows).toEqual([
      ["id", "nome", "obs"],
      ["1", "Silva, Ana", 'disse "oi"'],
      ["2", "Bruno", "linha\nquebrada"],
    ]);
  });

  it("drops the partial last record of a cut-off text and keeps it when the text is whole", () => {
    expect(parseCsv("a,b\n1,2\n3,", { delimiter: ",", maxRows: 10, complete: false }).rows).toEqual([["a", "b"], ["1", "2"]]);
    expect(parseCsv("a,b\n1,2\n3,4", { delimiter: ",", maxRows: 10, complete: true }).rows).toEqual([["a", "b"], ["1", "2"], ["3", "4"]]);
  });

  it("stops after maxRows", () => {
    const r = parseCsv("a\n1\n2\n3\n", { delimiter: ",", maxRows: 2, complete: true });
    expect(r.rows).toEqual([["a"], ["1"]]);
    expect(r.stoppedEarly).toBe(true);
  });

  it("guesses ; and tab delimiters from the header", () => {
    expect(guessDelimiter("id;nome;valor\n1;a;2,50")).toBe(";");
    expect(guessDelimiter("id\tnome\n")).toBe("\t");
    expect(guessDelimiter("id,nome\n")).toBe(",");
  });
});
