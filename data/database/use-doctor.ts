import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { DoctorReport, FixAction } from "@/lib/pg/doctor/shared/types";
import { applyFixAction } from "@/app/actions/database";
import { actionData, apiGet } from "../fetcher";
import { databaseKeys, type DoctorScope } from "./keys";
import { databaseApi } from "./paths";
import { type HookMutationOptions, type HookQueryOptions, withMutationOptions, withQueryOptions } from "../hook-options";

export function getDoctorReport(db: string, scope: DoctorScope | null, signal?: AbortSignal) {
  return apiGet<DoctorReport>(databaseApi.doctor(db, scope), signal);
}

/** The doctor runs when the tab opens and when asked again; never on a timer. */
export function useDoctorQuery(db: string, scope: DoctorScope | null, options: HookQueryOptions<DoctorReport> = {}) {
  return useQuery(withQueryOptions({ queryKey: databaseKeys.doctor(db, scope), queryFn: ({ signal }) => getDoctorReport(db, scope, signal), staleTime: Infinity, retry: false }, options));
}

export interface FixResult {
  outcome: { type: string; applied: string };
  report: DoctorReport;
}

/** Applies a fix; the answer carries the doctor's new report, put straight into the cache, then the rest refreshes. */
export function useApplyFixMutation(db: string, scope: DoctorScope | null, options: HookMutationOptions<FixResult, FixAction> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("database", withMutationOptions({
    mutationFn: (action: FixAction) => actionData<FixResult>(applyFixAction(db, { action, ...(scope ? { rerun: scope } : {}) })),
    onSuccess: (r) => queryClient.setQueryData(databaseKeys.doctor(db, scope), r.report),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: databaseKeys.catalog(db) });
      await queryClient.invalidateQueries({ queryKey: databaseKeys.replication(db) });
    },
  }, options));
}
