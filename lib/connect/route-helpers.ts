import "server-only";
import { NextResponse } from "next/server";
import { AppError } from "../errors";
import { resolveCluster } from "./client";
import type { ClusterRef } from "./types";

// Read-only handlers of the connectors API answer like the mutation guard does: { ok: true, data } or
// { ok: false, error } with the error's status, never cached.

export async function readRoute<T>(fn: () => Promise<T>, headers?: (data: T) => Record<string, string>): Promise<Response> {
  try {
    const data = await fn();
    return NextResponse.json({ ok: true, data }, { headers: { "Cache-Control": "no-store", ...(headers?.(data) ?? {}) } });
  } catch (e) {
    const err = e instanceof AppError ? e : new AppError(500, "internal", e instanceof Error ? e.message : String(e), "console");
    return NextResponse.json(
      { ok: false, error: err.toJSON() },
      { status: err.status, headers: { "Cache-Control": "no-store", ...(err.retryAfter ? { "Retry-After": String(err.retryAfter) } : {}) } },
    );
  }
}

export interface ConnectorParams {
  cluster: string;
  name: string;
}

/** The cluster and connector named by a route's params. */
export function target(params: { cluster: string; name?: string }): { cluster: ClusterRef; name: string } {
  return { cluster: resolveCluster(params.cluster), name: params.name ?? "" };
}
