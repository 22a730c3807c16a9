// Query keys of the lake, hierarchical: invalidating a bucket's "objects" refreshes its pages, latest view,
// metadata and previews together.
export interface PageVars {
  prefix: string;
  filter: string;
  maxKeys: number;
  token: string | null;
}

export const lakeKeys = {
  all: ["lake"] as const,
  buckets: () => [...lakeKeys.all, "buckets"] as const,
  bucket: (bucket: string) => [...lakeKeys.buckets(), bucket] as const,
  stats: (bucket: string, prefix: string) => [...lakeKeys.bucket(bucket), "stats", prefix] as const,
  access: (bucket: string) => [...lakeKeys.bucket(bucket), "access"] as const,
  objects: (bucket: string) => [...lakeKeys.bucket(bucket), "objects"] as const,
  page: (bucket: string, vars: PageVars) => [...lakeKeys.objects(bucket), "page", vars] as const,
  latest: (bucket: string, prefix: string) => [...lakeKeys.objects(bucket), "latest", prefix] as const,
  object: (bucket: string, key: string) => [...lakeKeys.objects(bucket), "object", key] as const,
  meta: (bucket: string, key: string) => [...lakeKeys.object(bucket, key), "meta"] as const,
  preview: (bucket: string, key: string) => [...lakeKeys.object(bucket, key), "preview"] as const,
};
