import { mutatingRoute, routeRequest } from "@/lib/auth/guard";
import { putObject, readBody, SINGLE_PUT_MAX } from "@/lib/s3/objects/upload";
import { parseInput } from "@/lib/http/contract";
import { bucketParam, objectKey } from "@/lib/s3/inputs";

export const dynamic = "force-dynamic";

type Params = { bucket: string; key: string[] };

/** The key from the path: every segment was URL-encoded by the browser; "a//b" has an empty segment. */
function keyOf(params: Params): string {
  return parseInput(objectKey, params.key.join("/"), "key");
}

/**
 * Uploads a file of at most 8 MiB in one PutObject. The raw body is the file; larger files use the multipart
 * routes (…/uploads). The browser never sees S3 credentials: the console forwards the bytes.
 */
export const PUT = mutatingRoute<undefined, Params>({
  action: "lake.object.upload",
  target: ({ params }) => `${params.bucket}/${params.key.join("/")}`,
  run: async (args) => {
    const { params } = args;
    const req = routeRequest(args);
    const bucket = bucketParam(params);
    const key = keyOf(params);
    const body = await readBody(req, SINGLE_PUT_MAX);
    return putObject(bucket, key, body, req.headers.get("content-type"));
  },
});
