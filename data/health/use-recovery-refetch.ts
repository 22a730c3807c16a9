import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { LabHealth } from "@/lib/shared/health-types";
import { recoveredServices, rootsToRefetch } from "./recovery";
import { announceRecovery } from "./use-clear-on-recovery";

/**
 * Mounted once (by the health strip): when a service comes back, the views that read it fetch again at once,
 * instead of showing the outage's error until their retry backoff runs out.
 */
export function useRecoveryRefetch(report: LabHealth | undefined): void {
  const queryClient = useQueryClient();
  const previous = useRef<LabHealth | undefined>(undefined);
  useEffect(() => {
    const back = recoveredServices(previous.current, report);
    previous.current = report;
    if (back.length === 0) return;
    const roots = rootsToRefetch(back);
    for (const root of roots) void queryClient.invalidateQueries({ queryKey: [root] });
    announceRecovery(roots); // and their mutations' errors (a failed Pause) clear

  }, [report, queryClient]);
}
