// Errors of a mutation clear when the health strip sees its service come back: a failed Pause ("Connect
// unreachable") must not stay on screen once Connect answers again. The strip announces which query-key roots
// recovered (useRecoveryRefetch, through QUERY_ROOTS_BY_SERVICE); each area's mutation hooks listen.
import { useMutation, type DefaultError, type UseMutationOptions, type UseMutationResult } from "@tanstack/react-query";
import { useEffect } from "react";

type Listener = (roots: readonly string[]) => void;
const listeners = new Set<Listener>();

/** Tells every mounted mutation of these areas that their service is back. */
export function announceRecovery(roots: readonly string[]): void {
  for (const l of [...listeners]) l(roots);
}

/** useMutation whose error is reset when `area`'s service (data/health/recovery.ts) comes back. */
export function useAreaMutation<TData, TVariables>(area: string, options: UseMutationOptions<TData, DefaultError, TVariables>): UseMutationResult<TData, DefaultError, TVariables> {
  const mutation = useMutation(options);
  const { isError, reset } = mutation;
  useEffect(() => {
    if (!isError) return;
    const listener: Listener = (roots) => {
      if (roots.includes(area)) reset();
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [isError, reset, area]);
  return mutation;
}
