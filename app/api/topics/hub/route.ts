import { NextResponse } from "next/server";
import { tailHub } from "@/lib/kafka/tail/hub";
import { NO_STORE } from "../_shared";

export const dynamic = "force-dynamic";

/** The tail hub's figures: Kafka consumers open (one per watched topic), viewers, per-topic counts. */
export async function GET() {
  return NextResponse.json(tailHub().stats(), { headers: NO_STORE });
}
