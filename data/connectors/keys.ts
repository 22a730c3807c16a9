// Hierarchical query keys of the connectors area: invalidating a connector refreshes its offsets too.
export const connectKeys = {
  all: ["connect"] as const,
  list: () => [...connectKeys.all, "list"] as const,
  cluster: (cluster: string) => [...connectKeys.all, cluster] as const,
  plugins: (cluster: string) => [...connectKeys.cluster(cluster), "plugins"] as const,
  connector: (cluster: string, name: string) => [...connectKeys.cluster(cluster), "connectors", name] as const,
  offsets: (cluster: string, name: string) => [...connectKeys.connector(cluster, name), "offsets"] as const,
  diagnose: (cluster: string, name: string) => [...connectKeys.connector(cluster, name), "diagnose"] as const,
};

/** While a page is visible, connector state is refreshed this often (a state change shows within 3 s). */
export const REFRESH_MS = 2000;
