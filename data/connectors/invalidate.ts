import type { QueryClient } from "@tanstack/react-query";
import { connectKeys } from "./keys";

/** After any mutation: the list and the connector (with its offsets) are fetched again from the cluster. */
export async function invalidateConnector(queryClient: QueryClient, cluster: string, name: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: connectKeys.list() }),
    queryClient.invalidateQueries({ queryKey: connectKeys.connector(cluster, name) }),
  ]);
}
