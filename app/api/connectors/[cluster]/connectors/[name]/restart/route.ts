import { z } from "zod";
import { mutatingRoute } from "@/lib/auth/guard";
import { restartConnectorAndTasks } from "@/lib/connect/connectors";
import { target, type ConnectorParams } from "@/lib/connect/route-params";

const input = z.strictObject({ includeTasks: z.boolean().default(false), onlyFailed: z.boolean().default(false) }).default({ includeTasks: false, onlyFailed: false });

/** POST — restart the connector; with includeTasks its tasks too; with onlyFailed only the FAILED ones. */
export const POST = mutatingRoute<z.infer<typeof input>, ConnectorParams>({
  action: "connector.restart",
  input,
  target: ({ params }) => params.name,
  run: async ({ input, params }) => {
    const { cluster, name } = target(params);
    return restartConnectorAndTasks(cluster, name, input);
  },
});
