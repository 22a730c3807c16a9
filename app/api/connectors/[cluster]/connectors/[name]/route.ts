import { z } from "zod";
import { mutatingRoute } from "@/lib/auth/guard";
import { deleteConnectorNamed, getConnectorDetail } from "@/lib/connect/connectors";
import { readRoute } from "@/lib/http/contract";
import { target, type ConnectorParams } from "@/lib/connect/route-params";

export const dynamic = "force-dynamic";

/** GET — config (masked), status, task traces (redacted), active topics, Debezium slot and publication. */
export const GET = readRoute<ConnectorParams>(async ({ params }) => {
  const { cluster, name } = target(params);
  return getConnectorDetail(cluster, name);
});

const deleteInput = z.strictObject({ confirm: z.string() });

/** DELETE — only when the body's `confirm` repeats the connector's name. */
export const DELETE = mutatingRoute<z.infer<typeof deleteInput>, ConnectorParams>({
  action: "connector.delete",
  input: deleteInput,
  target: ({ params }) => params.name,
  run: async ({ input, params }) => {
    const { cluster, name } = target(params);
    return deleteConnectorNamed(cluster, name, input.confirm);
  },
});
