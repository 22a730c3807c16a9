import "server-only";
// The connectors of every configured cluster that point at a bucket or a topic, from ONE expanded list per
// cluster. Only names, types, states and the config key are returned: never a config value (secrets stay here).
import { clusters } from "./client";
import * as connect from "./client";
import type { ConnectorType } from "./shared/types";
import { useOf, type ConnectorUse, type UsageTarget } from "./shared/usage-match";

const typeOf = (t: string | undefined): ConnectorType => (t === "source" || t === "sink" ? t : "unknown");

export async function connectorsUsing(target: UsageTarget): Promise<{ connectors: ConnectorUse[] }> {
  const perCluster = await Promise.all(
    clusters().map(async (cluster) => {
      const expanded = await connect.listConnectorsExpanded(cluster);
      return Object.entries(expanded).flatMap(([name, v]): ConnectorUse[] => {
        const type = typeOf(v.info?.type ?? v.status?.type);
        const use = useOf(type, v.info?.config ?? {}, target);
        return use ? [{ cluster: cluster.slug, name, type, state: v.status?.connector.state ?? null, ...use }] : [];
      });
    }),
  );
  return { connectors: perCluster.flat().sort((a, b) => a.name.localeCompare(b.name)) };
}
