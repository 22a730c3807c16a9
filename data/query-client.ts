// The one QueryClient factory of the app.
import { isServer, MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { errorRetryAfter, errorStatus } from "./fetcher";

/** Retries after the first failure (so at most three attempts). */
export const MAX_RETRIES = 2;
const MAX_BACKOFF_MS = 30_000;

/** No retry on a 4xx (the request itself is wrong) except 429; otherwise up to MAX_RETRIES. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = errorStatus(error);
  if (status !== null && status >= 400 && status < 500 && status !== 429) return false;
  return failureCount < MAX_RETRIES;
}

/** Waits what the server asked for (`retryAfter` seconds) when it said; else exponential backoff. */
export function retryDelay(failureCount: number, error: unknown): number {
  const retryAfter = errorRetryAfter(error);
  if (retryAfter !== null) return retryAfter * 1000;
  return Math.min(1000 * 2 ** failureCount, MAX_BACKOFF_MS);
}

/** A session that expired mid-page: back to the login page, which then returns here. */
function onAuthError(error: unknown): void {
  if (isServer || errorStatus(error) !== 401 || window.location.pathname === "/login") return;
  const next = `${window.location.pathname}${window.location.search}`;
  // A full page load on purpose: the expired session's cached queries go with it.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onAuthError }),
    mutationCache: new MutationCache({ onError: onAuthError }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        refetchOnWindowFocus: true,
      },
      mutations: {
        // Mutations are not idempotent in general: the caller decides.
        retry: false,
      },
    },
  });
}

let browserClient: QueryClient | undefined;

/** A fresh client per server render; one shared client in the browser. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
