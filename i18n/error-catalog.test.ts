import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./messages/en";
import { ptBR } from "./messages/pt-BR";

// Every error code the server can answer has words in both catalogs, so no English sentence reaches a
// Portuguese screen: the codes are read from the source, wherever an AppError is made.
const ROOT = path.resolve(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

function codesInSource(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const file of [...sources(path.join(ROOT, "lib")), ...sources(path.join(ROOT, "app"))]) {
    const src = readFileSync(file, "utf8");
    // new AppError(404, "code", …) and the S3 mapper's make(404, "code", …)
    for (const m of src.matchAll(/(?:new AppError|\bmake|new ConnectValidationError)\(\s*[\w.]+,\s*"([a-z][a-z0-9_]*)"/g)) codes.set(m[1]!, path.relative(ROOT, file));
  }
  return codes;
}

describe("the error catalog", () => {
  const codes = codesInSource();

  it("finds the codes (the scan itself works)", () => {
    expect(codes.get("no_such_bucket")).toBe("lib/s3/errors.ts");
    expect(codes.has("plugin_not_installed")).toBe(true);
    expect(codes.size).toBeGreaterThan(40);
  });

  it("has pt-BR and en words for every code the server answers", () => {
    const missing = [...codes].filter(([code]) => !(code in ptBR.errors.codes) || !(code in en.errors.codes)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });
});
