// zod issues as the contract's InputIssue: a path a person reads ("config.topics"), a catalog code with its
// parameters, the English message, and for a misspelled key the known key it most likely meant. Pure.
import "server-only";
import type { z } from "zod";
import type { InputIssue } from "./shared/envelope";

type Issue = z.core.$ZodIssue;

/** The object keys a schema knows at `path`, unwrapping optional/default/nullable/pipe wrappers. */
function knownKeys(schema: z.ZodType | undefined, path: PropertyKey[]): string[] {
  let node = schema as unknown as { _zod?: { def?: Record<string, unknown> } } | undefined;
  const unwrap = () => {
    for (let i = 0; i < 10 && node?._zod?.def; i++) {
      const def = node._zod.def;
      const inner = (def.innerType ?? def.in ?? (def.type === "lazy" ? undefined : undefined)) as typeof node | undefined;
      if (!inner || def.type === "object") break;
      node = inner;
    }
  };
  unwrap();
  for (const seg of path) {
    const shape = node?._zod?.def?.shape as Record<string, typeof node> | undefined;
    if (!shape || typeof seg !== "string") return [];
    node = shape[seg];
    unwrap();
  }
  const def = node?._zod?.def;
  const shape = def?.shape as Record<string, unknown> | undefined;
  if (shape) return Object.keys(shape);
  // A union (the generators' start request): every option's keys.
  const options = def?.options as z.ZodType[] | undefined;
  return options ? [...new Set(options.flatMap((o) => knownKeys(o, [])))] : [];
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The known key closest to `key`, when it is close enough to be a typo. */
export function didYouMean(key: string, known: string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(key, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== null && bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}

const pathText = (path: PropertyKey[]) => path.map(String).join(".");

export function describeIssues(issues: Issue[], schema?: z.ZodType): InputIssue[] {
  return issues.flatMap((issue): InputIssue[] => {
    const path = pathText(issue.path);
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(schema, issue.path);
      return issue.keys.map((key) => {
        const suggestion = didYouMean(key, known);
        const at = path ? `${path}.${key}` : key;
        return {
          path: at,
          code: suggestion ? "unknown_key_suggest" : "unknown_key",
          message: `unknown field "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ""}${known.length ? `; known fields: ${known.join(", ")}` : ""}`,
          params: { key, ...(suggestion ? { suggestion } : {}), known: known.join(", ") },
        };
      });
    }
    if (issue.code === "too_big" || issue.code === "too_small") {
      const limit = Number(issue.code === "too_big" ? issue.maximum : issue.minimum);
      const kind = issue.origin === "string" ? "length" : issue.origin === "array" || issue.origin === "set" ? "items" : "number";
      return [{ path, code: `${issue.code}_${kind}`, message: issue.message, params: { limit } }];
    }
    if (issue.code === "invalid_type") return [{ path, code: "invalid_type", message: issue.message, params: { expected: String(issue.expected) } }];
    if (issue.code === "invalid_value") return [{ path, code: "invalid_value", message: issue.message, params: { values: issue.values.map(String).join(", ") } }];
    return [{ path, code: "custom", message: issue.message }];
  });
}
