import { mutatingRoute } from "@/lib/auth/guard";
import { changeConnectorState } from "@/lib/connect/connectors";
import { target, type ConnectorParams } from "@/lib/connect/route-params";

/** POST — PUT /connectors/{name}/resume on the cluster, then the state it reports. */
export const POST = mutatingRoute<undefined, ConnectorParams>({
  action: "connector.resume",
  target: ({ params }) => params.name,
  run: async ({ params }) => {
    const { cluster, name } = target(params);
    return changeConnectorState(cluster, name, "resume");
  },
});
