import { mutatingRoute } from "@/lib/auth/guard";
import { sqlEngine } from "@/lib/sql";
import { saveParquetSchema } from "@/lib/sql/inputs";

export const dynamic = "force-dynamic";

/** Writes the next layer (raw → trusted → refined): the whole result as one Parquet object. Operator only, audited. */
export const POST = mutatingRoute({
  action: "sql.save_parquet",
  input: saveParquetSchema,
  maxBodyBytes: 256 * 1024,
  target: ({ input }) => `${input.bucket}/${input.key}`,
  successStatus: 201,
  run: async ({ input, req }) => (await sqlEngine()).saveParquet({ ...input, signal: req.signal }),
});
