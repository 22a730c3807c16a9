import "server-only";
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { config } from "../config";
import { networkFailure, scrubSecrets } from "../errors";
import type { ServiceHealth } from "../shared/health-types";
import { s3ClientOptions } from "./client";

const AUTH_CODES = new Set(["InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "InvalidToken"]);

export async function probeS3(): Promise<ServiceHealth> {
  const c = config().s3;
  const timeout = config().healthTimeoutMs;
  const client = new S3Client(s3ClientOptions({ timeoutMs: timeout }));
  let server: string | null = null;
  // The Server header tells MinIO from S3Proxy from AWS.
  client.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      const headers = (out.response as { headers?: Record<string, string> }).headers ?? {};
      server = headers.server ?? headers.Server ?? null;
      return out;
    },
    { step: "deserialize", name: "captureServerHeader" },
  );
  const started = performance.now();
  const base = { id: "s3" as const, endpoint: c.endpoint };
  try {
    const out = await client.send(new ListBucketsCommand({}), { abortSignal: AbortSignal.timeout(timeout) });
    const n = out.Buckets?.length ?? 0;
    return { ...base, up: true, latencyMs: Math.round(performance.now() - started), version: `${server ?? "S3"} · ${n} bucket${n === 1 ? "" : "s"}`, failure: null, reason: null };
  } catch (e) {
    const err = e as Error & { name: string; $metadata?: { httpStatusCode?: number } };
    const failure = AUTH_CODES.has(err.name) ? "auth" : (networkFailure(e) ?? (err.$metadata?.httpStatusCode ? "http" : "other"));
    return { ...base, up: false, latencyMs: Math.round(performance.now() - started), version: null, failure, reason: scrubSecrets(`${err.name}: ${err.message}`, [c.secretAccessKey, c.accessKeyId]) };
  } finally {
    client.destroy();
  }
}
