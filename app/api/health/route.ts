import { NextResponse } from "next/server";
import { errorResponse, NO_STORE } from "@/lib/http/contract";
import { getLabHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/**
 * The lab's health — the one route outside the `{ ok, data }` envelope, by design: it answers the report itself,
 * 200 when every service is up and 503 (with the same report) when any is down, so `curl -f`, load balancers and
 * compose healthchecks read it. A failure of the console itself is the contract's error answer.
 */
export async function GET() {
  try {
    const report = await getLabHealth();
    return NextResponse.json(report, { status: report.ok ? 200 : 503, headers: NO_STORE });
  } catch (e) {
    return errorResponse(e);
  }
}
