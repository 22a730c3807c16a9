import { z } from "zod";
import { mutatingRoute } from "@/lib/auth/guard";
import { deleteConnectorNamed, getConnectorDetail } from "@/lib/connect/connectors";
import { readRoute, target, type ConnectorParams } from "@/lib/connect/route-helpers";

export const dynamic = "force-dynamic";

/** GET — config (masked), status, task traces (redacted), active topics, Debezium slot and publication. */
export async function GET(_req: Request, ctx: { params: Promise<ConnectorParams> }) {
  return readRoute(async () => {
    const { cluster, name } = target(await ctx.params);
    return getConnectorDetail(cluster, name);
  });
}

const deleteInput = z.object({ confirm: z.string() });

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
