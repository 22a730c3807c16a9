// The columns of a table as information_schema describes them, with its primary key and defaults: what the
// lake preview and the SQL helper need to decode Debezium values the S3 sink wrote without their schema.
import "server-only";
import type pg from "pg";
import type { CapturedColumn } from "../debezium/shared/infer";

type Queryable = Pick<pg.ClientBase, "query">;

export async function tableColumns(client: Queryable, schema: string, table: string): Promise<CapturedColumn[]> {
  const res = await client.query<{ column_name: string; data_type: string; p: number | null; s: number | null; dp: number | null; d: string | null; k: boolean }>(
    `SELECT c.column_name, c.data_type, c.numeric_precision AS p, c.numeric_scale AS s, c.datetime_precision AS dp,
            c.column_default AS d,
            EXISTS (SELECT 1 FROM information_schema.table_constraints tc
                      JOIN information_schema.key_column_usage k
                        ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
                     WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = c.table_schema
                       AND tc.table_name = c.table_name AND k.column_name = c.column_name) AS k
       FROM information_schema.columns c
      WHERE c.table_schema = $1 AND c.table_name = $2 ORDER BY c.ordinal_position`,
    [schema, table],
  );
  return res.rows.map((r) => ({ name: r.column_name, type: r.data_type, precision: r.data_type === "numeric" ? r.p : r.dp, scale: r.s, key: r.k, defaultSql: r.d }));
}
