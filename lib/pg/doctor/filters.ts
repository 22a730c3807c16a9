// Which tables a Debezium connector captures, the way Debezium decides it: table.include.list /
// table.exclude.list are comma-separated regular expressions matched (whole string, case-insensitive) against
// "schema.table"; schema.include.list / schema.exclude.list against the schema. Pure.
import "server-only";
import type { DebeziumConnectorFacts, TableFacts } from "./shared/types";

function regexes(list: string[]): RegExp[] {
  return list.flatMap((p) => {
    try {
      return [new RegExp(`^(?:${p})$`, "i")];
    } catch {
      // A Java-only construct: compare literally rather than fail the whole doctor.
      return [new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i")];
    }
  });
}

type Filters = Pick<DebeziumConnectorFacts, "tableIncludeList" | "tableExcludeList" | "schemaIncludeList" | "schemaExcludeList">;

export const keyOf = (t: { schema: string; name: string }) => `${t.schema}.${t.name}`;

export function capturedTables<T extends Pick<TableFacts, "schema" | "name">>(c: Filters, tables: T[]): T[] {
  const tin = regexes(c.tableIncludeList);
  const tout = regexes(c.tableExcludeList);
  const sin = regexes(c.schemaIncludeList);
  const sout = regexes(c.schemaExcludeList);
  return tables
    .filter((t) => {
      const full = `${t.schema}.${t.name}`;
      if (sin.length && !sin.some((r) => r.test(t.schema))) return false;
      if (sout.some((r) => r.test(t.schema))) return false;
      if (tin.length && !tin.some((r) => r.test(full))) return false;
      return !tout.some((r) => r.test(full));
    });
}

/** Entries of table.include.list that match no table: a typo, or a table not created yet. */
export function unmatchedIncludes(c: Filters, tables: Pick<TableFacts, "schema" | "name">[]): string[] {
  return c.tableIncludeList.filter((p) => {
    const [r] = regexes([p]);
    return !tables.some((t) => r.test(`${t.schema}.${t.name}`));
  });
}

