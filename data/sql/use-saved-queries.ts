import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { SavedQueryInput } from "@/lib/sql/shared/inputs";
import type { SavedQuery } from "@/lib/sql/shared/saved-types";
import { createSavedQueryAction, deleteSavedQueryAction, updateSavedQueryAction } from "@/app/actions/sql";
import { actionData, apiGet } from "../fetcher";
import { sqlApi, sqlKeys } from "./keys";
import { type HookMutationOptions, type HookQueryOptions, withMutationOptions, withQueryOptions } from "../hook-options";

export function getSavedQueries(signal?: AbortSignal) {
  return apiGet<{ queries: SavedQuery[] }>(sqlApi.saved(), signal).then((r) => r.queries);
}

export function useSavedQueriesQuery(options: HookQueryOptions<SavedQuery[]> = {}) {
  return useQuery(withQueryOptions({ queryKey: sqlKeys.saved(), queryFn: ({ signal }) => getSavedQueries(signal) }, options));
}

/** Creates (no id) or updates (id) one of the user's saved queries. */
export function useSaveQueryMutation(options: HookMutationOptions<SavedQuery, SavedQueryInput & { id?: string }> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("sql", withMutationOptions({
    mutationFn: ({ id, ...input }: SavedQueryInput & { id?: string }) =>
      actionData<SavedQuery>(id ? updateSavedQueryAction(id, input) : createSavedQueryAction(input)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sqlKeys.saved() }),
  }, options));
}

export function useDeleteSavedQueryMutation(options: HookMutationOptions<{ deleted: string }, string> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("sql", withMutationOptions({
    mutationFn: (id: string) => actionData<{ deleted: string }>(deleteSavedQueryAction(id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sqlKeys.saved() }),
  }, options));
}
