// The server/browser boundary, as the file tree shows it: a module the browser may import lives in a `shared/`
// folder (lib/shared/, lib/<area>/shared/) and imports nothing server-only; every other module of lib/ starts
// with `import "server-only"`, so a client component that reaches one fails the build instead of shipping it.
// eslint.config.mjs keeps components/ and data/ to the shared/ folders.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LIB = import.meta.dirname;
const ROOT = path.dirname(LIB);

/** Server modules that also run in a plain Node process (lab/ and the Playwright suite read the lab's endpoints through them), where "server-only" throws. */
const NODE_TOO = new Set(["lib/config-core.ts", "lib/lab-endpoints.ts"]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "fixtures" ? [] : sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path.relative(ROOT, p)] : [];
  });
}

const isShared = (file: string) => file.split("/").includes("shared");
const code = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
/** The first statement after the leading comments. */
const firstStatement = (src: string) => src.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, "").split("\n")[0];

/** The lib/ modules a file imports (relative or "@/lib/…"), as paths from the repository root. */
function libImports(file: string): string[] {
  const specs = [...code(file).matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!);
  return specs.flatMap((s) => {
    const p = s.startsWith("@/") ? s.slice(2) : s.startsWith(".") ? path.join(path.dirname(file), s) : null;
    return p?.startsWith("lib/") ? [p] : [];
  });
}

const files = sources(LIB);

describe("the server/browser boundary of lib/", () => {
  it("finds the modules it checks", () => {
    expect(files.filter(isShared).length).toBeGreaterThan(20);
    expect(files.filter((f) => !isShared(f)).length).toBeGreaterThan(100);
  });

  it('starts every module outside a shared/ folder with import "server-only"', () => {
    const missing = files.filter((f) => !isShared(f) && !NODE_TOO.has(f) && firstStatement(code(f)) !== 'import "server-only";');
    expect(missing).toEqual([]);
  });

  it('keeps "server-only" and server modules out of the shared/ folders', () => {
    const bad = files.filter(isShared).flatMap((f) => [
      ...(/import\s+"server-only"/.test(code(f)) ? [`${f} imports "server-only"`] : []),
      ...libImports(f).filter((i) => !isShared(i)).map((i) => `${f} imports ${i}`),
    ]);
    expect(bad).toEqual([]);
  });
});
