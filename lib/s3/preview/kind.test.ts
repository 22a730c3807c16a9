import { describe, expect, it } from "vitest";
import { looksLikeText, previewKind } from "./kind";

describe("previewKind", () => {
  it("goes by extension first: sinks store JSON Lines as octet-stream", () => {
    expect(previewKind("topics/t/year=2026/t+0+0000000000000000000.jsonl", "application/octet-stream")).toBe("jsonl");
    expect(previewKind("a/b.PARQUET", null)).toBe("parquet");
    expect(previewKind("x.tsv", null)).toBe("csv");
    expect(previewKind("foto.JPG", null)).toBe("image");
  });

  it("falls back to the content type, then to the bytes", () => {
    expect(previewKind("data", "application/json; charset=utf-8")).toBe("json");
    expect(previewKind("data", "application/x-ndjson")).toBe("jsonl");
    expect(previewKind("data", "text/csv")).toBe("csv");
    expect(previewKind("data", "image/svg+xml")).toBe("binary");
    expect(previewKind("data", "application/octet-stream")).toBe("binary");
  });

  it("tells text bytes from binary ones", () => {
    expect(looksLikeText(new TextEncoder().encode("olá\tmundo\n"))).toBe(true);
    expect(looksLikeText(new Uint8Array([0x50, 0x41, 0x52, 0x31, 0x00]))).toBe(false);
  });
});
