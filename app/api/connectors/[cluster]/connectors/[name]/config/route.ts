import { z } from "zod";
import { mutatingRoute } from "@/lib/auth/guard";
import { updateConnectorConfig } from "@/lib/connect/connectors";
import { flatConfig } from "@/lib/connect/draft";
import { target, type ConnectorParams } from "@/lib/connect/route-params";

const input = z.strictObject({ config: flatConfig });

/** PUT — replace the config after validation; secrets sent back as the mask keep their stored value. */
export const PUT = mutatingRoute<z.infer<typeof input>, ConnectorParams>({
  action: "connector.update",
  input,
  target: ({ params }) => params.name,
  run: async ({ input, params }) => {
    const { cluster, name } = target(params);
    return updateConnectorConfig(cluster, name, input.config);
  },
});
