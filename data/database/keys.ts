// Query keys of the Database area, hierarchical: invalidating a database refreshes its catalog, tables,
// replication and doctor together (a fix changes all of them).
export interface DoctorScope {
  cluster: string;
  connector: string;
}

export const databaseKeys = {
  all: ["database"] as const,
  list: () => [...databaseKeys.all, "list"] as const,
  db: (db: string) => [...databaseKeys.all, db] as const,
  catalog: (db: string) => [...databaseKeys.db(db), "catalog"] as const,
  table: (db: string, schema: string, table: string) => [...databaseKeys.db(db), "table", schema, table] as const,
  rows: (db: string, schema: string, table: string, offset: number) => [...databaseKeys.table(db, schema, table), "rows", offset] as const,
  count: (db: string, schema: string, table: string) => [...databaseKeys.table(db, schema, table), "count"] as const,
  replication: (db: string) => [...databaseKeys.db(db), "replication"] as const,
  doctor: (db: string, scope: DoctorScope | null) => [...databaseKeys.db(db), "doctor", scope?.cluster ?? "", scope?.connector ?? ""] as const,
};
