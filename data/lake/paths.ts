// URLs of the lake API (requests go through data/fetcher.ts).

export const lakeApi = {
  buckets: () => "/api/lake/buckets",
  bucket: (bucket: string) => `/api/lake/buckets/${encodeURIComponent(bucket)}`,
  path: (bucket: string, rest: string, query?: Record<string, string | number | null | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== null && v !== undefined && v !== "") params.set(k, String(v));
    const qs = params.toString();
    return `${lakeApi.bucket(bucket)}/${rest}${qs ? `?${qs}` : ""}`;
  },
  /** Each key segment encoded on its own, so "/" stays a path separator for the catch-all route. */
  upload: (bucket: string, key: string) => `${lakeApi.bucket(bucket)}/upload/${key.split("/").map(encodeURIComponent).join("/")}`,
  download: (bucket: string, key: string) => lakeApi.path(bucket, "download", { key, redirect: 1 }),
};
