import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { generatorKind } from "@/lib/generators/params";
import { generatorRegistry } from "@/lib/generators/registry";
import { describeFailure } from "@/lib/generators/runner";

export const dynamic = "force-dynamic";

const query = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  generator: generatorKind.optional(),
});

/** The latest stored runs (newest first), with the live counters of the runs of this process. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const parsed = query.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return NextResponse.json({ ok: false, error: { status: 422, code: "invalid_input", message: `Invalid query — ${detail}`, source: "console" }, issues: parsed.error.issues }, { status: 422 });
  }
  try {
    const registry = generatorRegistry();
    const live = new Map(registry.liveRuns().map((r) => [r.id, r]));
    const runs = (await registry.store.recent(parsed.data.limit, parsed.data.generator)).map((r) => live.get(r.id) ?? r);
    return NextResponse.json({ runs }, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    const err = e instanceof AppError ? e : new AppError(503, "console_db_unavailable", `Could not read the stored runs from the console database: ${describeFailure(e)}`, "postgres");
    return NextResponse.json({ ok: false, error: err.toJSON() }, { status: err.status });
  }
}
