// The sweep of the console's own stale multipart uploads against the lab's real S3 server: it aborts the
// uploads the console started and left (a restart lost the retry), and never anyone else's.
import { randomUUID } from "node:crypto";
import { CreateMultipartUploadCommand, ListMultipartUploadsCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { createBucket, deleteBucket } from "./buckets/buckets";
import { s3 } from "./client";
import { sweepStaleUploads } from "./stale-uploads";
import { completeMultipart, PART_SIZE, startMultipart, uploadPart } from "./objects/upload";

const BUCKET = `stale-uploads-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  await createBucket(BUCKET);
});
afterAll(async () => {
  await deleteBucket(BUCKET, { withObjects: true }).catch(() => undefined);
  await db().lakeUpload.deleteMany({ where: { bucket: BUCKET } });
});

const uploadIds = async () => ((await s3().send(new ListMultipartUploadsCommand({ Bucket: BUCKET }))).Uploads ?? []).map((u) => u.UploadId);

describe("the stale-upload sweep", () => {
  it("aborts the console's abandoned uploads older than the bound, and only those", async () => {
    const foreign = await s3().send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: "someone-else.bin" }));
    const abandoned = await startMultipart(BUCKET, "left/behind.bin", null);
    await uploadPart(BUCKET, "left/behind.bin", abandoned.uploadId, 1, new Uint8Array(1024));
    const fresh = await startMultipart(BUCKET, "still/going.bin", null);

    // nothing is old enough under the default bound
    expect(await sweepStaleUploads()).toEqual([]);
    await db().lakeUpload.update({ where: { uploadId: abandoned.uploadId }, data: { startedAt: new Date(Date.now() - 7 * 3600_000) } });
    expect(await sweepStaleUploads(60 * 60_000)).toEqual([abandoned.uploadId]);
    expect((await uploadIds()).sort()).toEqual([foreign.UploadId, fresh.uploadId].sort());
    expect(await sweepStaleUploads(0)).toEqual([fresh.uploadId]);
    expect(await uploadIds()).toEqual([foreign.UploadId]);
    expect(await db().lakeUpload.count({ where: { bucket: BUCKET } })).toBe(0);
  });

  it("forgets an upload once it is completed", async () => {
    const up = await startMultipart(BUCKET, "done.bin", null);
    const part = await uploadPart(BUCKET, "done.bin", up.uploadId, 1, new Uint8Array(PART_SIZE));
    await completeMultipart(BUCKET, "done.bin", up.uploadId, [part], PART_SIZE);
    expect(await db().lakeUpload.count({ where: { uploadId: up.uploadId } })).toBe(0);
  });
});
