import { NextResponse } from "next/server";
import { z } from "zod";
import { headObject, presignGet } from "@/lib/s3/objects/objects";
import { parseInput, readRoute } from "@/lib/http/contract";
import { bucketParam, objectKey } from "@/lib/s3/inputs";

export const dynamic = "force-dynamic";

const downloadQuery = z.strictObject({
  key: objectKey,
  expiresIn: z.coerce.number().int().min(1).max(3600).default(60),
  redirect: z.enum(["0", "1"]).default("0"),
});

/**
 * A short-lived presigned download URL (signed on the server; it carries a signature, not the secret key).
 * With redirect=1 the browser is sent straight to it.
 */
export const GET = readRoute<{ bucket: string }>(async ({ req, params, query }) => {
  const bucket = bucketParam(params);
  const q = parseInput(downloadQuery, query, "query");
  // Fail with "no such object" here rather than on the S3 server's page.
  await headObject(bucket, q.key, req.signal);
  const signed = await presignGet(bucket, q.key, { expiresIn: q.expiresIn, download: true });
  if (q.redirect === "1") return NextResponse.redirect(signed.url, { status: 302, headers: { "Cache-Control": "no-store" } });
  return signed;
});
