// Shared look of a service state (health strip chips and pipeline nodes).

export type ServiceState = "up" | "down" | "unknown";

export const DOT_CLASS: Record<ServiceState, string> = {
  up: "bg-emerald-500",
  down: "bg-red-600",
  unknown: "bg-slate-400",
};
