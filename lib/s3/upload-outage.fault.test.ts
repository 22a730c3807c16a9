// A multipart upload interrupted by an S3 outage (vitest project "faults": it stops the lab's S3 server). What
// a user would notice afterwards: nothing left on the server — no upload, no parts — once S3 is back.
import { randomUUID } from "node:crypto";
import { CreateMultipartUploadCommand, ListMultipartUploadsCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printRecoveryTable, recordRecovery, until, withOutage } from "../../test/faults";
import { AppError } from "../errors";
import { createBucket, deleteBucket } from "./buckets/buckets";
import { s3 } from "./client";
import { abortMultipart, PART_SIZE, startMultipart, uploadPart } from "./objects/upload";

const BUCKET = `faults-upload-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  await createBucket(BUCKET);
});
afterAll(async () => {
  printRecoveryTable();
  await deleteBucket(BUCKET, { withObjects: true }).catch(() => undefined);
});

const uploadsOnServer = async () => (await s3().send(new ListMultipartUploadsCommand({ Bucket: BUCKET }))).Uploads ?? [];

describe("a multipart upload and the S3 server going down", () => {
  it("leaves no upload on the server once S3 is back: the console aborts what the outage cut short", async () => {
    // someone else's upload in the same bucket: the console must leave it alone
    const foreign = await s3().send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: "not-the-console.bin" }));
    const started = await startMultipart(BUCKET, "big/file.bin", "application/octet-stream");
    await uploadPart(BUCKET, "big/file.bin", started.uploadId, 1, new Uint8Array(PART_SIZE).fill(7));

    await withOutage("s3", async ({ stop, restore }) => {
      await stop();
      const part = await uploadPart(BUCKET, "big/file.bin", started.uploadId, 2, new Uint8Array(PART_SIZE).fill(8)).catch((e: unknown) => e);
      expect(part).toBeInstanceOf(AppError);
      expect((part as AppError).code).toBe("s3_unreachable");
      // the browser's own abort fails too while S3 is down
      expect(await abortMultipart(BUCKET, "big/file.bin", started.uploadId).catch((e: unknown) => (e as AppError).code)).toBe("s3_unreachable");
      const back = await restore();
      await until("the interrupted upload to be aborted", async () => !(await uploadsOnServer()).some((u) => u.UploadId === started.uploadId), 60_000, 200);
      recordRecovery("s3", "interrupted multipart upload aborted", performance.now() - back);
    });
    const left = await uploadsOnServer();
    expect(left.map((u) => u.UploadId)).toEqual([foreign.UploadId]);
  });
});
