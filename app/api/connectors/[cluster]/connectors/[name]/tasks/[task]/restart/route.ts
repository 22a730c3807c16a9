import { mutatingRoute } from "@/lib/auth/guard";
import { restartConnectorTask } from "@/lib/connect/connectors";
import { AppError } from "@/lib/errors";
import { target, type ConnectorParams } from "@/lib/connect/route-params";

/** POST — restart one task. */
export const POST = mutatingRoute<undefined, ConnectorParams & { task: string }>({
  action: "connector.task.restart",
  target: ({ params }) => `${params.name}/${params.task}`,
  run: async ({ params }) => {
    const { cluster, name } = target(params);
    if (!/^\d+$/.test(params.task)) throw new AppError(422, "invalid_input", `Task id must be a number, got "${params.task}".`, "console");
    return restartConnectorTask(cluster, name, Number(params.task));
  },
});
