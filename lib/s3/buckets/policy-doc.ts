// Bucket policy documents for anonymous read (what `mc anonymous set download` writes on MinIO). Pure.
import "server-only";
interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: unknown;
}

interface PolicyDocument {
  Version?: string;
  Statement?: Statement[] | Statement;
}

export const PUBLIC_READ_SID = "LabConsolePublicRead";

export function publicReadPolicy(bucket: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: `${PUBLIC_READ_SID}Bucket`,
        Effect: "Allow",
        Principal: { AWS: ["*"] },
        Action: ["s3:GetBucketLocation", "s3:ListBucket"],
        Resource: [`arn:aws:s3:::${bucket}`],
      },
      {
        Sid: `${PUBLIC_READ_SID}Objects`,
        Effect: "Allow",
        Principal: { AWS: ["*"] },
        Action: ["s3:GetObject"],
        Resource: [`arn:aws:s3:::${bucket}/*`],
      },
    ],
  };
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function isEveryone(principal: unknown): boolean {
  if (principal === "*") return true;
  if (principal && typeof principal === "object") return list((principal as { AWS?: string | string[] }).AWS).includes("*");
  return false;
}

/** Does this statement let anyone read every object of the bucket? */
function grantsAnonymousRead(s: Statement, bucket: string): boolean {
  return (
    s.Effect === "Allow" &&
    !s.Condition &&
    isEveryone(s.Principal) &&
    list(s.Action).some((a) => a === "s3:GetObject" || a === "s3:*") &&
    list(s.Resource).some((r) => r === `arn:aws:s3:::${bucket}/*`)
  );
}

function statements(policy: string): Statement[] {
  try {
    return list((JSON.parse(policy) as PolicyDocument).Statement);
  } catch {
    return [];
  }
}

/** "public" when anyone may read the objects, "custom" for any other non-empty policy, else "private". */
export function classifyPolicy(policy: string | null | undefined, bucket: string): "public" | "private" | "custom" {
  if (!policy) return "private";
  const all = statements(policy);
  if (all.some((s) => grantsAnonymousRead(s, bucket))) return "public";
  return all.length > 0 ? "custom" : "private";
}

/**
 * The policy without the statements that allow anyone anything (ours and equivalent ones), or null when nothing is
 * left (then the policy is deleted). Other statements, e.g. grants to named users, stay.
 */
export function withoutAnonymousAccess(policy: string): string | null {
  const doc = JSON.parse(policy) as PolicyDocument;
  const kept = list(doc.Statement).filter((s) => !(s.Effect === "Allow" && isEveryone(s.Principal)));
  return kept.length === 0 ? null : JSON.stringify({ ...doc, Statement: kept });
}
