// Query keys of the SQL page: the catalog, prefix descriptions, the user's saved queries.
export const sqlKeys = {
  all: ["sql"] as const,
  catalog: () => [...sqlKeys.all, "catalog"] as const,
  describe: (bucket: string, prefix: string) => [...sqlKeys.all, "describe", bucket, prefix] as const,
  saved: () => [...sqlKeys.all, "saved"] as const,
};

export const sqlApi = {
  catalog: () => "/api/sql/catalog",
  describe: (bucket: string, prefix: string) => `/api/sql/describe?${new URLSearchParams({ bucket, prefix })}`,
  query: () => "/api/sql/query",
  export: () => "/api/sql/export",
  saved: () => "/api/sql/saved",
};
