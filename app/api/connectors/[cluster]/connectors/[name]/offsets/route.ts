import { z } from "zod";
import { mutatingRoute } from "@/lib/auth/guard";
import { alterConnectorOffsets, getConnectorOffsets, resetConnectorOffsets } from "@/lib/connect/connectors";
import { readRoute } from "@/lib/http/contract";
import { target, type ConnectorParams } from "@/lib/connect/route-params";

export const dynamic = "force-dynamic";

/** GET — the connector's offsets (KIP-875) and its state. */
export const GET = readRoute<ConnectorParams>(async ({ params }) => {
  const { cluster, name } = target(params);
  return getConnectorOffsets(cluster, name);
});

const alterInput = z.strictObject({
  offsets: z
    .array(z.strictObject({ partition: z.record(z.string(), z.unknown()), offset: z.record(z.string(), z.unknown()).nullable() }))
    .min(1),
});

/** PATCH — alter offsets; the connector must be STOPPED (409 otherwise, nothing changed). */
export const PATCH = mutatingRoute<z.infer<typeof alterInput>, ConnectorParams>({
  action: "connector.offsets.alter",
  input: alterInput,
  target: ({ params }) => params.name,
  run: async ({ input, params }) => {
    const { cluster, name } = target(params);
    return alterConnectorOffsets(cluster, name, input.offsets);
  },
});

/** DELETE — reset offsets; the connector must be STOPPED. A sink then rewrites from the start of its topics. */
export const DELETE = mutatingRoute<undefined, ConnectorParams>({
  action: "connector.offsets.reset",
  target: ({ params }) => params.name,
  run: async ({ params }) => {
    const { cluster, name } = target(params);
    return resetConnectorOffsets(cluster, name);
  },
});
