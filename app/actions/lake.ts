"use server";
// The lake's server actions over the same guarded operations as the JSON routes (lib/s3/operations.ts). A file's
// bytes still go to the upload routes: a server action cannot stream a request body.
import { runAction } from "@/lib/auth/guard";
import { lakeOps } from "@/lib/s3/operations";

export async function createBucketAction(name: string) {
  return runAction(lakeOps.createBucket, {}, { name });
}

export async function deleteBucketAction(bucket: string, input: unknown) {
  return runAction(lakeOps.deleteBucket, { bucket }, input);
}

export async function setBucketAccessAction(bucket: string, publicRead: boolean) {
  return runAction(lakeOps.setAccess, { bucket }, { publicRead });
}

export async function deleteObjectsAction(bucket: string, keys: string[]) {
  return runAction(lakeOps.deleteObjects, { bucket }, { keys });
}

export async function deletePrefixAction(bucket: string, input: unknown) {
  return runAction(lakeOps.deletePrefix, { bucket }, input);
}

export async function startUploadAction(bucket: string, input: unknown) {
  return runAction(lakeOps.startUpload, { bucket }, input);
}

export async function completeUploadAction(bucket: string, uploadId: string, input: unknown) {
  return runAction(lakeOps.completeUpload, { bucket, uploadId }, input);
}

export async function abortUploadAction(bucket: string, uploadId: string, key: string) {
  return runAction(lakeOps.abortUpload, { bucket, uploadId }, { key });
}
