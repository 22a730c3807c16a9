import "server-only";
import { resolveCluster } from "./client";
import type { ClusterRef } from "./shared/types";

export interface ConnectorParams {
  cluster: string;
  name: string;
}

/** The cluster and connector named by a route's params. */
export function target(params: { cluster: string; name?: string }): { cluster: ClusterRef; name: string } {
  return { cluster: resolveCluster(params.cluster), name: params.name ?? "" };
}
