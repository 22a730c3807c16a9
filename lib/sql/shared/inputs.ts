// zod schemas of what the SQL routes and forms accept (strict: an unknown key is refused). Browser-safe.
import { z } from "zod";

const name = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, "lower-case letters, digits and _ (a letter or _ first)");
const database = z.enum(["oltp", "dw"]);

export const tableBindingSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("lake"),
    name,
    bucket: z.string().min(3).max(63),
    prefix: z.string().max(1024),
    debezium: z.boolean().optional(),
    database: database.optional(),
    sourceSchema: z.string().min(1).max(63).optional(),
    sourceTable: z.string().min(1).max(63).optional(),
  }),
  z.strictObject({ kind: z.literal("pg"), name, database, schema: z.string().min(1).max(63), table: z.string().min(1).max(63) }),
]);

export const queryInputSchema = z.strictObject({
  sql: z.string().min(1).max(100_000),
  database: z.enum(["lake", "oltp", "dw"]).default("lake"),
  tables: z.array(tableBindingSchema).max(16).default([]),
});

export const saveParquetSchema = queryInputSchema.extend({
  bucket: z.string().min(3).max(63),
  key: z.string().min(1).max(1024).regex(/\.parquet$/, "end the key with .parquet"),
});

export const savedQueryInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  sql: z.string().min(1).max(100_000),
  target: z.enum(["lake", "oltp", "dw"]),
  tables: z.array(tableBindingSchema).max(16).default([]),
});

export type SavedQueryInput = z.infer<typeof savedQueryInputSchema>;
