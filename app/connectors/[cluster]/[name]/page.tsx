import type { Metadata } from "next";
import { ConnectorCharts } from "@/components/charts/ConnectorCharts";
import { ConnectorDetailView } from "@/components/connectors/ConnectorDetailView";
import { resolveCluster } from "@/lib/connect/client";

export const dynamic = "force-dynamic";

type Params = { cluster: string; name: string };

/** Next.js hands dynamic segments over decoded; tolerate an encoded one without breaking names holding "%". */
function segment(value: string): string {
  try {
    return /%[0-9A-Fa-f]{2}/.test(value) ? decodeURIComponent(value) : value;
  } catch {
    return value;
  }
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { name } = await params;
  return { title: segment(name) };
}

/** /connectors/{cluster}/{name}: the detail is client-rendered so it can refresh every 2 s. */
export default async function ConnectorPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [p, search] = await Promise.all([params, searchParams]);
  // An unknown cluster is an error with the configured ones listed (error.tsx shows it with a retry).
  const cluster = resolveCluster(segment(p.cluster));
  const name = segment(p.name);
  return (
    <div className="space-y-6">
      <ConnectorDetailView cluster={cluster.id} name={name} justRegistered={search.registered === "1"} />
      <ConnectorCharts cluster={cluster.id} clusterSlug={cluster.slug} name={name} />
    </div>
  );
}
