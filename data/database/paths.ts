// URLs of the Database API (requests go through data/fetcher.ts).
import { seg } from "../fetcher";

/** A path with a query string; empty values are left out. */
function apiUrl(path: string, query: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export const databaseApi = {
  list: () => "/api/database",
  catalog: (db: string) => `/api/database/${seg(db)}/catalog`,
  table: (db: string, schema: string, table: string) => apiUrl(`/api/database/${seg(db)}/table`, { schema, table }),
  rows: (db: string, schema: string, table: string, offset: number) => apiUrl(`/api/database/${seg(db)}/table/rows`, { schema, table, offset }),
  count: (db: string, schema: string, table: string) => apiUrl(`/api/database/${seg(db)}/table/count`, { schema, table }),
  replication: (db: string) => `/api/database/${seg(db)}/replication`,
  doctor: (db: string, scope: { cluster: string; connector: string } | null) => apiUrl(`/api/database/${seg(db)}/doctor`, { cluster: scope?.cluster, connector: scope?.connector }),
};
