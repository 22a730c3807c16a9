import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { getLabHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/** The lab's health: 200 when every service is up, 503 (with the same report) when any is down. */
export async function GET() {
  try {
    const report = await getLabHealth();
    return NextResponse.json(report, { status: report.ok ? 200 : 503, headers: NO_STORE });
  } catch (e) {
    // getLabHealth reports failed probes in the body; reaching here means the console itself failed.
    const error =
      e instanceof AppError ? e : new AppError(500, "health_failed", e instanceof Error ? e.message : String(e), "console");
    return NextResponse.json({ error: error.toJSON() }, { status: error.status, headers: NO_STORE });
  }
}
