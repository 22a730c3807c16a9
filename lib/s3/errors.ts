import "server-only";
import { config } from "../config";
import { AppError, networkFailure, scrubSecrets } from "../errors";

interface S3ErrorContext {
  /** What the console was doing, e.g. "list objects" — goes into the message. */
  action: string;
  bucket?: string;
  key?: string;
}

interface SdkError {
  name?: string;
  message?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
}

/** The S3 error code of an SDK error ("NoSuchBucket", "NotImplemented", …). */
export function s3Code(e: unknown): string {
  const err = e as SdkError;
  return err?.Code ?? err?.name ?? "Error";
}

/**
 * Turns an AWS SDK error into an AppError whose message names the cause and the fix. Credentials never leave:
 * the message is scrubbed of the access and secret keys.
 */
export function toS3AppError(e: unknown, ctx: S3ErrorContext): AppError {
  if (e instanceof AppError) return e;
  const c = config().s3;
  const err = e as SdkError;
  const code = s3Code(e);
  const status = err?.$metadata?.httpStatusCode;
  const where = ctx.key !== undefined ? `"${ctx.bucket}/${ctx.key}"` : ctx.bucket ? `bucket "${ctx.bucket}"` : "the S3 server";
  const params = { action: ctx.action, bucket: ctx.bucket ?? "", key: ctx.key ?? "", where, endpoint: c.endpoint, s3Code: code };
  const scrub = (text: string) => scrubSecrets(text, [c.secretAccessKey, c.accessKeyId]);
  const vendor = scrub(`${code}: ${err?.message ?? String(e)}`);
  const make = (s: number, appCode: string, message: string, retryAfter?: number) =>
    new AppError(s, appCode, scrub(message), "s3", { params, detail: vendor, retryAfter });

  const net = networkFailure(e);
  if (net === "refused") return make(503, "s3_unreachable", `Could not ${ctx.action}: the S3 server at ${c.endpoint} refused the connection. Start the lab (npm run lab:up) or set S3_ENDPOINT to a running S3 server.`);
  if (net === "dns") return make(503, "s3_dns", `Could not ${ctx.action}: the host of S3_ENDPOINT (${c.endpoint}) does not resolve. Fix S3_ENDPOINT.`);
  if (net === "timeout" && !status) return make(504, "s3_timeout", `Could not ${ctx.action}: the S3 server at ${c.endpoint} did not answer in time. Check that it is running and not overloaded.`);

  switch (code) {
    case "NoSuchBucket":
      return make(404, "no_such_bucket", `Bucket "${ctx.bucket}" does not exist. Create it on the Lake page, or check the name.`);
    case "NoSuchKey":
    case "NotFound":
      if (ctx.key === undefined && status === 404) return make(404, "no_such_bucket", `Bucket "${ctx.bucket}" does not exist. Create it on the Lake page, or check the name.`);
      return make(404, "no_such_key", `Object ${where} does not exist (it may have just been deleted). Refresh the listing.`);
    case "BucketNotEmpty":
      return make(409, "bucket_not_empty", `Bucket "${ctx.bucket}" still has objects. Delete them first, or confirm deleting the bucket with its objects.`);
    case "BucketAlreadyOwnedByYou":
    case "BucketAlreadyExists":
      return make(409, "bucket_exists", `Bucket "${ctx.bucket}" already exists. Pick another name, or open the existing bucket.`);
    case "AccessDenied":
      return make(403, "s3_access_denied", `The S3 server denied access to ${where} while trying to ${ctx.action}. Give S3_ACCESS_KEY's user permission for it.`);
    case "InvalidAccessKeyId":
    case "SignatureDoesNotMatch":
    case "InvalidToken":
      return make(502, "s3_bad_credentials", `The S3 server rejected the console's credentials (${code}). Fix S3_ACCESS_KEY / S3_SECRET_KEY.`);
    case "NotImplemented":
      return make(501, "s3_not_implemented", `This S3 server does not implement what is needed to ${ctx.action} (${code}).`);
    case "InvalidRange":
      return make(416, "invalid_range", `Could not ${ctx.action}: the requested byte range is outside ${where}.`);
    case "NoSuchUpload":
      return make(404, "no_such_upload", `The multipart upload for ${where} no longer exists (completed or aborted). Start the upload again.`);
    case "EntityTooSmall":
      return make(400, "part_too_small", `Could not ${ctx.action}: a multipart part other than the last is smaller than the server's minimum (5 MiB).`);
    case "InvalidBucketName":
      return make(422, "invalid_bucket_name", `The S3 server refused the bucket name "${ctx.bucket}". Bucket names use 3–63 lowercase letters, digits, dots and hyphens.`);
    case "SlowDown":
    case "ServiceUnavailable":
      return make(503, "s3_overloaded", `The S3 server is overloaded (${code}) while trying to ${ctx.action}. Try again in a few seconds.`, 5);
  }
  const httpStatus = status && status >= 400 && status < 500 ? status : 502;
  return make(httpStatus, "s3_error", `Could not ${ctx.action} on ${where}: ${vendor}`);
}

/** Runs an S3 call and converts its failure. */
export async function s3Call<T>(ctx: S3ErrorContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toS3AppError(e, ctx);
  }
}
