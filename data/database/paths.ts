// URLs of the Database API (requests go through data/fetcher.ts).
import { apiUrl, seg } from "../fetcher";

export const databaseApi = {
  list: () => "/api/database",
  catalog: (db: string) => `/api/database/${seg(db)}/catalog`,
  table: (db: string, schema: string, table: string) => apiUrl(`/api/database/${seg(db)}/table`, { schema, table }),
  rows: (db: string, schema: string, table: string, offset: number) => apiUrl(`/api/database/${seg(db)}/table/rows`, { schema, table, offset }),
  count: (db: string, schema: string, table: string) => apiUrl(`/api/database/${seg(db)}/table/count`, { schema, table }),
  replication: (db: string) => `/api/database/${seg(db)}/replication`,
  doctor: (db: string, scope: { cluster: string; connector: string } | null) => apiUrl(`/api/database/${seg(db)}/doctor`, { cluster: scope?.cluster, connector: scope?.connector }),
  fix: (db: string) => `/api/database/${seg(db)}/doctor/fix`,
  publications: (db: string) => `/api/database/${seg(db)}/publications`,
  publication: (db: string, name: string) => `/api/database/${seg(db)}/publications/${seg(name)}`,
  publicationTables: (db: string, name: string) => `/api/database/${seg(db)}/publications/${seg(name)}/tables`,
  slot: (db: string, slot: string) => `/api/database/${seg(db)}/slots/${seg(slot)}`,
};
