// An S3 client on the lab's S3 server with the console's own settings, for benchmarks, end-to-end specs and lab tests that
// set up or check the lake directly (the console itself uses lib/s3/client.ts).
import { S3Client } from "@aws-sdk/client-s3";
import type { AppConfig } from "../lib/config-core";

export function labS3(cfg: AppConfig): S3Client {
  return new S3Client({
    endpoint: cfg.s3.endpoint,
    region: cfg.s3.region,
    forcePathStyle: cfg.s3.forcePathStyle,
    credentials: { accessKeyId: cfg.s3.accessKeyId, secretAccessKey: cfg.s3.secretAccessKey },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}
