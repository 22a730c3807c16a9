import { NextResponse } from "next/server";
import { listAudit } from "@/lib/audit";
import { auditQuerySchema } from "@/lib/audit-query";

export const dynamic = "force-dynamic";

/** GET /api/audit?action=&target=&outcome=&from=&to=&before=&limit= — newest first, keyset paging by `before`. */
export async function GET(req: Request) {
  const parsed = auditQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return NextResponse.json({ ok: false, error: { status: 422, code: "invalid_input", message, source: "console" } }, { status: 422 });
  }
  return NextResponse.json({ ok: true, data: await listAudit(parsed.data) }, { headers: { "Cache-Control": "no-store" } });
}
