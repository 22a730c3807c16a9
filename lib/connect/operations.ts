// Every change the console makes to Kafka Connect, as guarded operations: each one is served by two doors that
// share its guard, schema and audit — the JSON route (app/api/connectors/…, the scripting API) and the UI's
// server action (app/actions/connectors.ts).
import "server-only";
import { z } from "zod";
import type { MutationSpec } from "../auth/guard";
import { parseInput } from "../http/contract";
import { resolveCluster } from "./client";
import {
  alterConnectorOffsets,
  changeConnectorState,
  type LifecycleAction,
  deleteConnectorNamed,
  registerConnector,
  resetConnectorOffsets,
  restartConnectorAndTasks,
  restartConnectorTask,
  updateConnectorConfig,
  validateDraft,
} from "./connectors";
import { flatConfig } from "./shared/draft";
import { draftInput } from "./inputs";
import { target, type ConnectorParams } from "./route-params";
import type { ClusterRef } from "./shared/types";

type ClusterParams = { cluster: string };
type TaskParams = ConnectorParams & { task: string };

/**
 * An operation on one connector (the path's cluster and name), audited with the connector's name as target.
 * `run` gets the resolved cluster, the name and the validated body.
 */
function onConnector<I = undefined>(action: string, input: z.ZodType<I> | undefined, run: (cluster: ClusterRef, name: string, input: I) => Promise<unknown>): MutationSpec<I, ConnectorParams> {
  return {
    action,
    input,
    target: ({ params }) => params.name,
    run: ({ input, params }) => {
      const { cluster, name } = target(params);
      return run(cluster, name, input);
    },
  };
}

const lifecycle = (verb: LifecycleAction) => onConnector(`connector.${verb}`, undefined, (cluster, name) => changeConnectorState(cluster, name, verb));

const restartInput = z.strictObject({ includeTasks: z.boolean().default(false), onlyFailed: z.boolean().default(false) }).default({ includeTasks: false, onlyFailed: false });
const deleteInput = z.strictObject({ confirm: z.string().max(300) });
const configInput = z.strictObject({ config: flatConfig });
const alterInput = z.strictObject({
  offsets: z
    .array(z.strictObject({ partition: z.record(z.string(), z.unknown()), offset: z.record(z.string(), z.unknown()).nullable() }))
    .min(1)
    .max(10_000),
});
const taskId = z.string().regex(/^\d{1,6}$/, "A task id is a whole number.");

export const connectorOps = {
  /** Validate, and create only if Connect accepts the config. */
  create: {
    action: "connector.create",
    input: draftInput,
    target: ({ input }) => input.name,
    successStatus: 201,
    run: ({ input, params }) => registerConnector(resolveCluster(params.cluster), input),
  } satisfies MutationSpec<z.infer<typeof draftInput>, ClusterParams>,
  /** Connect's own per-field validation of a draft; creates nothing. Guarded: the plugin reaches out (Debezium logs into the database). */
  validate: {
    action: "connector.validate",
    input: draftInput,
    target: ({ input }) => input.name,
    run: ({ input, params }) => validateDraft(resolveCluster(params.cluster), input),
  } satisfies MutationSpec<z.infer<typeof draftInput>, ClusterParams>,
  pause: lifecycle("pause"),
  resume: lifecycle("resume"),
  stop: lifecycle("stop"),
  /** Restart the connector; with includeTasks its tasks too; with onlyFailed only the FAILED ones. */
  restart: onConnector("connector.restart", restartInput, restartConnectorAndTasks),
  restartTask: {
    action: "connector.task.restart",
    target: ({ params }) => `${params.name}/${params.task}`,
    run: ({ params }) => {
      const { cluster, name } = target(params);
      return restartConnectorTask(cluster, name, Number(parseInput(taskId, params.task, "task id")));
    },
  } satisfies MutationSpec<undefined, TaskParams>,
  /** Replace the config after validation; secrets sent back as the mask keep their stored value. */
  update: onConnector("connector.update", configInput, (cluster, name, input) => updateConnectorConfig(cluster, name, input.config)),
  /** Delete, only when `confirm` repeats the connector's name. */
  delete: onConnector("connector.delete", deleteInput, (cluster, name, input) => deleteConnectorNamed(cluster, name, input.confirm)),
  /** Alter offsets; the connector must be STOPPED (409 otherwise, nothing changed). */
  alterOffsets: onConnector("connector.offsets.alter", alterInput, (cluster, name, input) => alterConnectorOffsets(cluster, name, input.offsets)),
  /** Reset offsets; the connector must be STOPPED. A sink then rewrites from the start of its topics. */
  resetOffsets: onConnector("connector.offsets.reset", undefined, resetConnectorOffsets),
};
