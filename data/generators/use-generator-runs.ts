import { useQuery } from "@tanstack/react-query";
import type { RunSnapshot } from "@/lib/generators/types";
import { HttpError, toHttpError } from "../http-error";
import { generatorKeys } from "./keys";

/** GET /api/generators/runs: the latest stored runs, newest first. */
export async function getGeneratorRuns(limit: number, signal?: AbortSignal): Promise<RunSnapshot[]> {
  const res = await fetch(`/api/generators/runs?limit=${limit}`, { signal, cache: "no-store", headers: { accept: "application/json" } });
  if (!res.ok) throw await toHttpError(res);
  const body = (await res.json().catch(() => null)) as { runs?: unknown } | null;
  if (!body || !Array.isArray(body.runs)) throw new HttpError({ status: res.status, message: `HTTP ${res.status}: not a list of runs` });
  return body.runs as RunSnapshot[];
}

export function useGeneratorRunsQuery(limit = 20) {
  return useQuery({
    queryKey: generatorKeys.runList(limit),
    queryFn: ({ signal }) => getGeneratorRuns(limit, signal),
  });
}
