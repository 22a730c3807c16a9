// What GET /api/pipeline/checklist accepts: the course's targets by default; a connector name, other bucket names or
// another window narrow it (the overview passes ?connector= through). Strict: an unknown key is a 422.
import "server-only";
import { z } from "zod";
import { existingBucketSchema } from "../../s3/shared/bucket-name";
import { DEFAULT_WINDOW_MINUTES } from "../shared/checklist";

const csv = (item: z.ZodType<string, string>, max: number) =>
  z
    .string()
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item).min(1).max(max));

export const checklistQuery = z.strictObject({
  connector: z.string().min(1).max(249).optional(),
  cluster: z.string().min(1).max(100).optional(),
  buckets: csv(existingBucketSchema, 10).optional(),
  layers: csv(existingBucketSchema, 10).optional(),
  window: z.coerce.number().int().min(1).max(24 * 60).default(DEFAULT_WINDOW_MINUTES),
});
