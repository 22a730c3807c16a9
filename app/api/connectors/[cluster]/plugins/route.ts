import { listInstalledPlugins } from "@/lib/connect/connectors";
import { readRoute } from "@/lib/http/contract";
import { target } from "@/lib/connect/route-params";

export const dynamic = "force-dynamic";

/** GET /api/connectors/{cluster}/plugins — connector plugins installed on the cluster. */
export const GET = readRoute<{ cluster: string }>(async ({ params }) => listInstalledPlugins(target(params).cluster));
