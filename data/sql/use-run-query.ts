import { useAreaMutation } from "../health/use-clear-on-recovery";
import { useCallback, useRef } from "react";
import type { QueryResult, SqlTarget, TableBinding } from "@/lib/sql/shared/types";
import { sqlPost } from "./post";
import { sqlApi } from "./keys";
import type { HookMutationOptions } from "../hook-options";

export interface RunVars {
  sql: string;
  database: SqlTarget;
  tables: TableBinding[];
}

/** Runs a query; `cancel()` aborts the request, and the server interrupts the engine when it does. */
export function useRunQueryMutation(options: HookMutationOptions<QueryResult, RunVars> = {}) {
  const controller = useRef<AbortController | null>(null);
  const run = useCallback((vars: RunVars) => {
    controller.current?.abort();
    const ac = new AbortController();
    controller.current = ac;
    return sqlPost(sqlApi.query(), vars, ac.signal).then(async (res) => ((await res.json()) as { data: QueryResult }).data);
  }, []);
  // No callbacks of its own to merge: the caller's options as they are, the request stays the hook's.
  const mutation = useAreaMutation("sql", { ...options, mutationFn: run });
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { ...mutation, cancel };
}
