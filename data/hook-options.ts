// What every query and mutation hook of data/ accepts from its caller: TanStack Query's own options, typed with
// the hook's data and variables. The hook keeps what makes it that hook (its key and fetch, its invalidation).
import type { DefaultError, MutationFunction, QueryFunction, QueryKey, UseMutationOptions, UseQueryOptions } from "@tanstack/react-query";

/** A query hook's options: anything but queryKey/queryFn, which are the hook's. */
export type HookQueryOptions<TData> = Omit<UseQueryOptions<TData, DefaultError, TData>, "queryKey" | "queryFn">;

/** A mutation hook's options: anything but mutationFn, which is the hook's. */
export type HookMutationOptions<TData, TVariables> = Omit<UseMutationOptions<TData, DefaultError, TVariables>, "mutationFn">;

type OwnQuery<TData> = UseQueryOptions<TData, DefaultError, TData> & { queryKey: QueryKey; queryFn: QueryFunction<TData> };

/**
 * The hook's defaults, then the caller's options, then the hook's queryKey/queryFn (never replaced). A hook that
 * says `enabled: false` (its argument is missing) stays disabled whatever the caller asks.
 */
export function withQueryOptions<TData>(own: OwnQuery<TData>, options: HookQueryOptions<TData> = {}): UseQueryOptions<TData, DefaultError, TData> {
  // Runtime guard as well as the type's: a caller's cast must not swap the key or the fetch either.
  const { queryKey: _key, queryFn: _fn, ...caller } = options as HookQueryOptions<TData> & Partial<OwnQuery<TData>>;
  return {
    ...own,
    ...caller,
    enabled: own.enabled === false ? false : (caller.enabled ?? own.enabled),
    queryKey: own.queryKey,
    queryFn: own.queryFn,
  };
}

type OwnMutation<TData, TVariables> = Omit<UseMutationOptions<TData, DefaultError, TVariables>, "onMutate"> & {
  mutationFn: MutationFunction<TData, TVariables>;
};

/** The hook's callback first (awaited: its invalidation is done), then the caller's. */
function both<A extends unknown[]>(first?: (...args: A) => unknown, then?: (...args: A) => unknown): ((...args: A) => Promise<void>) | undefined {
  if (!first && !then) return undefined;
  return async (...args: A) => {
    await first?.(...args);
    await then?.(...args);
  };
}

/** The hook's options with the caller's merged in: mutationFn stays the hook's, each callback runs the hook's then the caller's. */
export function withMutationOptions<TData, TVariables>(
  own: OwnMutation<TData, TVariables>,
  options: HookMutationOptions<TData, TVariables> = {},
): UseMutationOptions<TData, DefaultError, TVariables> {
  const { mutationFn: _fn, ...caller } = options as HookMutationOptions<TData, TVariables> & { mutationFn?: unknown };
  return {
    ...own,
    ...caller,
    mutationFn: own.mutationFn,
    onSuccess: both(own.onSuccess, caller.onSuccess),
    onError: both(own.onError, caller.onError),
    onSettled: both(own.onSettled, caller.onSettled),
  };
}
