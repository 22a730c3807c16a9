import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SavedQueryInput } from "@/lib/sql/inputs";
import type { SavedQuery } from "@/lib/sql/saved-types";
import { createSavedQueryAction, deleteSavedQueryAction, updateSavedQueryAction } from "@/app/actions/sql";
import { actionData, apiGet } from "../fetcher";
import { sqlApi, sqlKeys } from "./keys";

export function getSavedQueries(signal?: AbortSignal) {
  return apiGet<{ queries: SavedQuery[] }>(sqlApi.saved(), signal).then((r) => r.queries);
}

export function useSavedQueriesQuery() {
  return useQuery({ queryKey: sqlKeys.saved(), queryFn: ({ signal }) => getSavedQueries(signal) });
}

/** Creates (no id) or updates (id) one of the user's saved queries. */
export function useSaveQueryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: SavedQueryInput & { id?: string }) =>
      actionData<SavedQuery>(id ? updateSavedQueryAction(id, input) : createSavedQueryAction(input)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sqlKeys.saved() }),
  });
}

export function useDeleteSavedQueryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => actionData<{ deleted: string }>(deleteSavedQueryAction(id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sqlKeys.saved() }),
  });
}
