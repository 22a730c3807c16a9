import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while React hydrates (and on the server), true afterwards. For client components inside the page's
 * Suspense boundary that read a query the layout already fetched (the health report): the layout hydrates first
 * and its fetch may land before the page hydrates, and rendering that data then would not match the server's HTML.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
