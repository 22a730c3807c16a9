// Shared look of a service state (health strip chips and pipeline nodes).
import type { ServiceHealth } from "@/lib/shared/health-types";

/** degraded: the service answers, but some of its brokers or workers do not (amber, with the count). */
export type ServiceState = "up" | "degraded" | "down" | "unknown";

export const DOT_CLASS: Record<ServiceState, string> = {
  up: "bg-emerald-500",
  degraded: "bg-amber-500",
  down: "bg-red-600",
  unknown: "bg-slate-400",
};

export function serviceState(service: ServiceHealth | undefined): ServiceState {
  if (!service) return "unknown";
  if (!service.up) return "down";
  return service.degraded ? "degraded" : "up";
}
