// S3 bucket naming rules, checked before any request is sent (S3Proxy and some MinIO versions accept names
// that AWS refuses, so the server is not a reliable judge). Pure: shared by the create form and the server.
import { z } from "zod";

/** Names the course uses: the medallion layers in two vocabularies. */
export const BUCKET_PRESETS = {
  layers: ["raw", "trusted", "refined"],
  medallion: ["bronze", "silver", "gold"],
} as const;

export type BucketNameRule =
  | "length"
  | "characters"
  | "edges"
  | "adjacentDots"
  | "ipAddress"
  | "reservedPrefix"
  | "reservedSuffix";

export interface BucketNameProblem {
  rule: BucketNameRule;
  /** English explanation naming the rule (API answers; the UI translates `rule`). */
  message: string;
}

const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/** The first S3 naming rule `name` breaks, or null when it is a valid bucket name. */
export function bucketNameProblem(name: string): BucketNameProblem | null {
  if (name.length < 3 || name.length > 63) {
    return { rule: "length", message: `A bucket name has 3 to 63 characters; "${name}" has ${name.length}.` };
  }
  if (!/^[a-z0-9.-]+$/.test(name)) {
    return { rule: "characters", message: "A bucket name uses only lowercase letters, digits, dots (.) and hyphens (-)." };
  }
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) {
    return { rule: "edges", message: "A bucket name starts and ends with a lowercase letter or a digit." };
  }
  if (name.includes("..")) return { rule: "adjacentDots", message: "A bucket name has no two adjacent dots (..)." };
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) {
    return { rule: "ipAddress", message: "A bucket name is not formatted like an IP address (e.g. 192.168.5.4)." };
  }
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) return { rule: "reservedPrefix", message: `A bucket name does not start with the reserved prefix "${prefix}".` };
  const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix) return { rule: "reservedSuffix", message: `A bucket name does not end with the reserved suffix "${suffix}".` };
  return null;
}

/** A bucket name that may be created: every S3 rule above. */
export const bucketNameSchema = z.string().superRefine((name, ctx) => {
  const problem = bucketNameProblem(name);
  if (problem) ctx.addIssue({ code: "custom", message: problem.message, params: { rule: problem.rule } });
});

/**
 * A bucket that may already exist: looser, because servers such as S3Proxy accepted names AWS refuses and those
 * buckets must still be browsable and deletable. Still no path separators or control characters.
 */
export const existingBucketSchema = z
  .string()
  .min(1, "The bucket name is empty.")
  .max(255, "A bucket name has at most 255 characters.")
  .regex(/^[A-Za-z0-9._-]+$/, "A bucket name uses only letters, digits, dots, hyphens and underscores.");
