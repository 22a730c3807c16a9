// Links of the lake's pages.
export const lakeHref = {
  bucket: (bucket: string, prefix = "", view?: "latest") => {
    const params = new URLSearchParams();
    if (prefix) params.set("prefix", prefix);
    if (view) params.set("view", view);
    const qs = params.toString();
    return `/lake/${encodeURIComponent(bucket)}${qs ? `?${qs}` : ""}`;
  },
  object: (bucket: string, key: string) => `/lake/${encodeURIComponent(bucket)}/object?key=${encodeURIComponent(key)}`,
};
