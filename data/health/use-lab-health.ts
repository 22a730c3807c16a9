import { useQuery } from "@tanstack/react-query";
import { SERVICE_IDS, type LabHealth } from "@/lib/shared/health-types";
import { ApiError, responseError } from "../fetcher";
import { healthKeys } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

function isLabHealth(value: unknown): value is LabHealth {
  if (value === null || typeof value !== "object") return false;
  const v = value as Partial<LabHealth>;
  return (
    typeof v.ok === "boolean" &&
    typeof v.checkedAt === "string" &&
    Array.isArray(v.services) &&
    v.services.every(
      (s) =>
        s !== null &&
        typeof s === "object" &&
        (SERVICE_IDS as readonly string[]).includes(s.id) &&
        typeof s.up === "boolean" &&
        typeof s.latencyMs === "number",
    )
  );
}

/**
 * GET /api/health — the one route outside the `{ ok, data }` envelope, by design: it answers the report itself,
 * 200 when every service is up and 503 when one is down (so load balancers and `curl -f` read it), and both
 * are data here; any other status, or a body that is not a report, is an error.
 */
export async function getLabHealth(signal?: AbortSignal): Promise<LabHealth> {
  const res = await fetch("/api/health", { signal, cache: "no-store", headers: { accept: "application/json" } });
  if (res.status !== 200 && res.status !== 503) throw await responseError(res);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!isLabHealth(body)) {
    throw new ApiError({ status: res.status, code: "bad_answer", message: `HTTP ${res.status}: not a health report` });
  }
  return body;
}

export function useLabHealthQuery(options: HookQueryOptions<LabHealth> = {}) {
  return useQuery(withQueryOptions({
    queryKey: healthKeys.lab(),
    queryFn: ({ signal }) => getLabHealth(signal),
    refetchInterval: 2000,
    refetchIntervalInBackground: false,
  }, options));
}
