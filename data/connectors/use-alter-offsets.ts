import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ActionOutcome, OffsetEntry } from "@/lib/connect/types";
import { apiSend, seg } from "../fetcher";
import { invalidateConnector } from "./invalidate";

export function alterOffsets(cluster: string, name: string, offsets: OffsetEntry[]): Promise<ActionOutcome> {
  return apiSend<ActionOutcome>("PATCH", `/api/connectors/${seg(cluster)}/connectors/${seg(name)}/offsets`, { offsets });
}

export function useAlterOffsetsMutation(cluster: string, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (offsets: OffsetEntry[]) => alterOffsets(cluster, name, offsets),
    onSettled: () => invalidateConnector(queryClient, cluster, name),
  });
}
