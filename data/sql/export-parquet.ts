import { sqlPost } from "./post";
import { sqlApi } from "./keys";
import type { RunVars } from "./use-run-query";

/** The whole result as a Parquet file, downloaded by the browser. */
export async function exportParquet(vars: RunVars, signal?: AbortSignal): Promise<Blob> {
  return (await sqlPost(sqlApi.export(), vars, signal)).blob();
}
