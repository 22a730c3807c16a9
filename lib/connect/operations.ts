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

type ClusterParams = { cluster: string };
type TaskParams = ConnectorParams & { task: string };

const lifecycle = (verb: LifecycleAction): MutationSpec<undefined, ConnectorParams> => ({
  action: `connector.${verb}`,
  target: ({ params }) => params.name,
  run: ({ params }) => {
    const { cluster, name } = target(params);
    return changeConnectorState(cluster, name, verb);
  },
});

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
  restart: {
    action: "connector.restart",
    input: restartInput,
    target: ({ params }) => params.name,
    run: ({ input, params }) => {
      const { cluster, name } = target(params);
      return restartConnectorAndTasks(cluster, name, input);
    },
  } satisfies MutationSpec<z.infer<typeof restartInput>, ConnectorParams>,
  restartTask: {
    action: "connector.task.restart",
    target: ({ params }) => `${params.name}/${params.task}`,
    run: ({ params }) => {
      const { cluster, name } = target(params);
      return restartConnectorTask(cluster, name, Number(parseInput(taskId, params.task, "task id")));
    },
  } satisfies MutationSpec<undefined, TaskParams>,
  /** Replace the config after validation; secrets sent back as the mask keep their stored value. */
  update: {
    action: "connector.update",
    input: configInput,
    target: ({ params }) => params.name,
    run: ({ input, params }) => {
      const { cluster, name } = target(params);
      return updateConnectorConfig(cluster, name, input.config);
    },
  } satisfies MutationSpec<z.infer<typeof configInput>, ConnectorParams>,
  /** Delete, only when `confirm` repeats the connector's name. */
  delete: {
    action: "connector.delete",
    input: deleteInput,
    target: ({ params }) => params.name,
    run: ({ input, params }) => {
      const { cluster, name } = target(params);
      return deleteConnectorNamed(cluster, name, input.confirm);
    },
  } satisfies MutationSpec<z.infer<typeof deleteInput>, ConnectorParams>,
  /** Alter offsets; the connector must be STOPPED (409 otherwise, nothing changed). */
  alterOffsets: {
    action: "connector.offsets.alter",
    input: alterInput,
    target: ({ params }) => params.name,
    run: ({ input, params }) => {
      const { cluster, name } = target(params);
      return alterConnectorOffsets(cluster, name, input.offsets);
    },
  } satisfies MutationSpec<z.infer<typeof alterInput>, ConnectorParams>,
  /** Reset offsets; the connector must be STOPPED. A sink then rewrites from the start of its topics. */
  resetOffsets: {
    action: "connector.offsets.reset",
    target: ({ params }) => params.name,
    run: ({ params }) => {
      const { cluster, name } = target(params);
      return resetConnectorOffsets(cluster, name);
    },
  } satisfies MutationSpec<undefined, ConnectorParams>,
};
