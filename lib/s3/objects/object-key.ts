// S3 object key rules, checked before any request is sent. S3 itself takes any 1–1,024 bytes of UTF-8, but a key
// is also a URL path: "../" and "./" segments are collapsed by URL normalisation (the SDK's, a proxy's, the
// server's), and S3Proxy's filesystem backend maps keys to files — so such a key addresses another object or
// gets the server's opaque "UnknownError"/"InvalidURI". Percent-encoded dots (%2e%2e%2f) are refused for the same
// reason: a server that decodes once more sees "../". Control characters cannot be listed back (S3's XML
// listings cannot carry them). Pure: shared by the routes and any form.
import "server-only";
import { z } from "zod";

export type ObjectKeyRule = "empty" | "length" | "dotSegment" | "control";

export interface ObjectKeyProblem {
  rule: ObjectKeyRule;
  message: string;
}

const MAX_BYTES = 1024;

/** The key as a server that decodes percent-escapes would read it (undecodable escapes stay as they are). */
function decoded(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

function hasDotSegment(key: string): boolean {
  return key.split(/[/\\]/).some((s) => s === "." || s === "..");
}

/** The first rule `key` breaks, or null when it is a usable object key. */
export function objectKeyProblem(key: string): ObjectKeyProblem | null {
  if (key.length === 0) return { rule: "empty", message: "The object key is empty." };
  if (new TextEncoder().encode(key).length > MAX_BYTES) return { rule: "length", message: "An object key has at most 1,024 bytes (UTF-8)." };
  if (/[\u0000-\u001f\u007f]/.test(key)) return { rule: "control", message: "An object key cannot hold control characters (tabs, newlines, NUL): S3 cannot list them back." };
  if (hasDotSegment(key) || hasDotSegment(decoded(key))) {
    return {
      rule: "dotSegment",
      message: `An object key cannot have a "." or ".." path segment (also not percent-encoded, e.g. %2e%2e%2f): URLs collapse them, so the request would address another object or fail on the server. Rename it, e.g. "${key.replace(/%2e/gi, "_").replace(/(^|[/\\])\.\.?(?=[/\\]|$)/g, "$1_")}".`,
    };
  }
  return null;
}

/** zod schema of an object key (422 with the rule's message). */
export const objectKeySchema = z.string().superRefine((key, ctx) => {
  const p = objectKeyProblem(key);
  if (p) ctx.addIssue({ code: "custom", message: p.message });
});
