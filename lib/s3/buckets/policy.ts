import "server-only";
import { DeleteBucketPolicyCommand, GetBucketPolicyCommand, HeadBucketCommand, PutBucketPolicyCommand } from "@aws-sdk/client-s3";
import { config } from "../../config";
import { AppError } from "../../errors";
import { s3 } from "../client";
import { s3Code, toS3AppError } from "../errors";
import type { BucketAccessInfo } from "../shared/lake-types";
import { classifyPolicy, publicReadPolicy, withoutAnonymousAccess } from "./policy-doc";
import { processWide } from "../../process-wide";

// What each S3 endpoint told us about bucket policies. S3Proxy answers GetBucketPolicy with NoSuchPolicy (as if
// policies existed) and only PutBucketPolicy with NotImplemented, so support is learned from the first write.
/** Whether the S3 server has bucket policies, learnt from its answers (one per process: the route and the server action share it). */
const policySupport = processWide("s3.policySupport", () => new Map<string, boolean>());
const endpointKey = () => config().s3.endpoint;

const NO_POLICY = new Set(["NoSuchBucketPolicy", "NoSuchPolicy"]);

function notSupported(bucket: string): AppError {
  return new AppError(
    501,
    "policy_not_supported",
    `Bucket policies are not supported by this S3 server (${config().s3.endpoint}), so anonymous read cannot be set on "${bucket}". ` +
      "S3Proxy's filesystem backend has none; MinIO and AWS S3 do.",
    "s3",
    { params: { bucket, endpoint: config().s3.endpoint } },
  );
}

/**
 * "unsupported" is the server's answer for every bucket, even one that does not exist (S3Proxy says NotImplemented
 * before it looks): the bucket is asked for itself, so a missing one is a 404 here too.
 */
async function unsupportedFor(bucket: string, signal?: AbortSignal): Promise<BucketAccessInfo> {
  try {
    await s3().send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: signal });
  } catch (e) {
    throw toS3AppError(e, { action: "read the bucket policy", bucket });
  }
  return { bucket, access: "unsupported" };
}

/**
 * A bucket's access. Whether the server has policies at all is learnt first (once per endpoint, changing nothing):
 * S3Proxy answers GetBucketPolicy as if it had them, and the page would offer "Make public" only to refuse it.
 */
export async function getBucketAccess(bucket: string, signal?: AbortSignal): Promise<BucketAccessInfo> {
  if (!(await policiesSupported(signal))) return unsupportedFor(bucket, signal);
  try {
    const out = await s3().send(new GetBucketPolicyCommand({ Bucket: bucket }), { abortSignal: signal });
    policySupport.set(endpointKey(), true);
    return { bucket, access: classifyPolicy(out.Policy, bucket) };
  } catch (e) {
    const code = s3Code(e);
    if (NO_POLICY.has(code)) return { bucket, access: "private" };
    if (code === "NotImplemented") {
      policySupport.set(endpointKey(), false);
      return unsupportedFor(bucket, signal);
    }
    throw toS3AppError(e, { action: "read the bucket policy", bucket });
  }
}

/** Turns anonymous read on (adds a public-read policy) or off (removes anonymous statements). */
export async function setPublicRead(bucket: string, publicRead: boolean): Promise<BucketAccessInfo> {
  if (policySupport.get(endpointKey()) === false) throw notSupported(bucket);
  const action = publicRead ? "make the bucket public" : "make the bucket private";
  try {
    if (publicRead) {
      await s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(publicReadPolicy(bucket)) }));
    } else {
      let current: string | undefined;
      try {
        current = (await s3().send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy;
      } catch (e) {
        if (!NO_POLICY.has(s3Code(e))) throw e;
      }
      const rest = current ? withoutAnonymousAccess(current) : null;
      if (rest) await s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: rest }));
      else await s3().send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
    }
    policySupport.set(endpointKey(), true);
  } catch (e) {
    if (s3Code(e) === "NotImplemented") {
      policySupport.set(endpointKey(), false);
      throw notSupported(bucket);
    }
    throw toS3AppError(e, { action, bucket });
  }
  return getBucketAccess(bucket);
}

/**
 * Whether the S3 server has bucket policies, without changing anything: S3Proxy answers GetBucketPolicy as if it
 * had them, so ask PutBucketPolicy about a bucket that does not exist with a policy of no statements. A server with
 * policies refuses it (NoSuchBucket, MalformedPolicy); one without answers NotImplemented. Learnt once per endpoint.
 */
export async function policiesSupported(signal?: AbortSignal): Promise<boolean> {
  const known = policySupport.get(endpointKey());
  if (known !== undefined) return known;
  const probe = `lab-console-policy-probe-${Math.random().toString(36).slice(2, 10)}`;
  try {
    await s3().send(new PutBucketPolicyCommand({ Bucket: probe, Policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) }), { abortSignal: signal });
  } catch (e) {
    const code = s3Code(e);
    if (code === "NotImplemented") {
      policySupport.set(endpointKey(), false);
      return false;
    }
    if (code === "NoSuchBucket" || code === "MalformedPolicy" || code === "InvalidArgument" || code === "InvalidPolicyDocument") {
      policySupport.set(endpointKey(), true);
      return true;
    }
    throw toS3AppError(e, { action: "learn whether the server has bucket policies", bucket: probe });
  }
  return true;
}
