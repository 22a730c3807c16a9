import { readRoute } from "@/lib/http/contract";
import { tailHub } from "@/lib/kafka/tail-hub";

export const dynamic = "force-dynamic";

/** The tail hub's figures: Kafka consumers open (one per watched topic), viewers, per-topic counts. */
export const GET = readRoute(async () => tailHub().stats());
