import { z } from "zod";
import { mutatingRoute, routeRequest } from "@/lib/auth/guard";
import { MAX_PARTS, PART_SIZE, readBody, uploadPart } from "@/lib/s3/objects/upload";
import { parseInput, queryOf } from "@/lib/http/contract";
import { bucketParam, objectKey } from "@/lib/s3/inputs";

export const dynamic = "force-dynamic";

type Params = { bucket: string; uploadId: string; partNumber: string };

/** One part (≤ 8 MiB, the raw body) of a multipart upload; ?key= names the object the upload was started for. */
export const PUT = mutatingRoute<undefined, Params>({
  action: "lake.upload.part",
  target: ({ params }) => `${params.bucket} upload ${params.uploadId.slice(0, 16)}… part ${params.partNumber}`,
  run: async (args) => {
    const { params } = args;
    const req = routeRequest(args);
    const bucket = bucketParam(params);
    const partNumber = parseInput(z.coerce.number().int().min(1).max(MAX_PARTS), params.partNumber, "part number");
    const { key } = parseInput(z.strictObject({ key: objectKey }), queryOf(req), "query");
    const body = await readBody(req, PART_SIZE);
    return uploadPart(bucket, key, params.uploadId, partNumber, body);
  },
});
