import "server-only";
import { S3Client } from "@aws-sdk/client-s3";
import { config } from "../config";

let shared: S3Client | undefined;

export function s3ClientOptions(overrides: { timeoutMs?: number } = {}) {
  const c = config().s3;
  return {
    endpoint: c.endpoint,
    region: c.region,
    forcePathStyle: c.forcePathStyle,
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    // Non-AWS servers (S3Proxy, some MinIO versions) reject the SDK's default CRC checksums.
    requestChecksumCalculation: "WHEN_REQUIRED" as const,
    responseChecksumValidation: "WHEN_REQUIRED" as const,
    ...(overrides.timeoutMs ? { requestHandler: { connectionTimeout: overrides.timeoutMs, requestTimeout: overrides.timeoutMs }, maxAttempts: 1 } : {}),
  };
}

export function s3(): S3Client {
  shared ??= new S3Client(s3ClientOptions());
  return shared;
}
