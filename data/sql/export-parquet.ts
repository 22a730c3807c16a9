import { responseError } from "../fetcher";
import { sqlApi } from "./keys";
import type { RunVars } from "./use-run-query";

/** The whole result as a Parquet file, downloaded by the browser. */
export async function exportParquet(vars: RunVars, signal?: AbortSignal): Promise<Blob> {
  const res = await fetch(sqlApi.export(), { method: "POST", signal, headers: { "content-type": "application/json" }, body: JSON.stringify(vars) });
  if (!res.ok) throw await responseError(res);
  return res.blob();
}
