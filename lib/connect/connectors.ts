import "server-only";
import { config } from "../config";
import { AppError, asAppError } from "../errors";
import { maskSecrets, redactValues, restoreMaskedSecrets } from "../shared/secrets";
import * as connect from "./client";
import { clusters, redactionList, type RawInfo, type RawStatus, type RawValidation } from "./client";
import { debeziumEvidence, isDebeziumPostgres } from "./debezium-evidence";
import { checkOffsets } from "./offsets/offsets-shape";
import { configuredTopics, describeIssue, diffConfigs, draftIssues, resolvePlugin, traceView, type ConfigChange } from "./shared/draft";
import { adaptToLab, connectionHints, type LabEndpoints } from "./templates/lab-adapt";
import { restoreTemplateSecrets } from "./templates/templates";
import { workerViews } from "./workers";
import {
  CONNECTOR_STATES,
  type ActionOutcome,
  type ClusterConnectors,
  type ClusterRef,
  type ConnectorDetail,
  type ConnectorDraft,
  type ConnectorOffsets,
  type ConnectorState,
  type ConnectorSummary,
  type ConnectorsList,
  type ConnectorType,
  type OffsetEntry,
  type PluginInfo,
  type ValidationReport,
} from "./shared/types";

// What the console does with Kafka Connect, in the app's shapes: lists, details, registration with validation,
// lifecycle and offsets. Everything returned here is masked; traces and messages have secrets redacted.

/** A failed validation: Connect's messages per key (and the installed plugins when the class is unknown). */
export class ConnectValidationError extends AppError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly fields: Record<string, string[]>,
    readonly plugins?: PluginInfo[],
    params: Record<string, string | number> = {},
  ) {
    super(status, code, message, "connect", { params });
  }

  /** What to change so the config fits this lab (the one-click "use this lab's sink"). */
  labChanges: ConfigChange[] = [];

  override toJSON() {
    return { ...super.toJSON(), fields: this.fields, plugins: this.plugins, labChanges: this.labChanges };
  }
}

// ------------------------------------------------------------------ mapping

function toState(s: string | undefined): ConnectorState {
  return (CONNECTOR_STATES as readonly string[]).includes(s ?? "") ? (s as ConnectorState) : "UNKNOWN";
}

function toType(t: string | undefined): ConnectorType {
  return t === "source" || t === "sink" ? t : "unknown";
}

function summarize(cluster: ClusterRef, name: string, status: RawStatus | undefined, info: RawInfo | undefined): ConnectorSummary {
  const cfg = info?.config ?? {};
  const secrets = redactionList(cfg);
  const redactTrace = (t: string | undefined) => traceView(t ? redactValues(t, secrets) : t);
  const type = toType(info?.type ?? status?.type);
  // A connector just created may have no status yet: Connect has not assigned it to a worker.
  return {
    cluster: cluster.id,
    name,
    type,
    className: cfg["connector.class"] ?? "",
    version: status?.connector.version ?? null,
    state: status ? toState(status.connector.state) : "UNASSIGNED",
    workerId: status?.connector.worker_id ?? null,
    trace: redactTrace(status?.connector.trace),
    tasks: (status?.tasks ?? [])
      .map((t) => ({ id: t.id, state: toState(t.state), workerId: t.worker_id ?? null, version: t.version ?? null, trace: redactTrace(t.trace) }))
      .sort((a, b) => a.id - b.id),
    configuredTopics: configuredTopics(type, cfg),
  };
}

// ------------------------------------------------------------------ reads

/** One expanded listing per cluster (two requests, whatever the count); a cluster that fails does not hide the others. */
export async function listAllConnectors(): Promise<ConnectorsList> {
  const result = await Promise.all(
    clusters().map(async (cluster): Promise<ClusterConnectors> => {
      try {
        const expanded = await connect.listConnectorsExpanded(cluster);
        const connectors = Object.entries(expanded)
          .map(([name, v]) => summarize(cluster, name, v.status, v.info))
          .sort((a, b) => a.name.localeCompare(b.name));
        const workers = cluster.workers.length > 1 ? workerViews(cluster.workers, await connect.workersAnswering(cluster), connectors) : null;
        return { cluster, connectors, workers, error: null };
      } catch (e) {
        const err = asAppError(e);
        return { cluster, connectors: [], workers: null, error: err.toJSON() };
      }
    }),
  );
  return { clusters: result, fetchedAt: new Date().toISOString() };
}

/** Status that tolerates the short window after creation when Connect has no status yet. */
async function statusOrNull(cluster: ClusterRef, name: string): Promise<RawStatus | null> {
  try {
    return await connect.getConnectorStatus(cluster, name);
  } catch (e) {
    if (e instanceof AppError && e.status === 404 && /no status/i.test(e.message)) return null;
    throw e;
  }
}

export async function getConnectorDetail(cluster: ClusterRef, name: string): Promise<ConnectorDetail> {
  const [info, status, topics] = await Promise.all([
    connect.getConnectorInfo(cluster, name),
    statusOrNull(cluster, name),
    connect.getConnectorTopics(cluster, name),
  ]);
  const summary = summarize(cluster, name, status ?? undefined, info);
  const debezium = isDebeziumPostgres(summary.className) ? await debeziumEvidence(info.config) : null;
  return { ...summary, config: maskSecrets(info.config), activeTopics: topics, debezium };
}

export async function listInstalledPlugins(cluster: ClusterRef): Promise<PluginInfo[]> {
  return connect.listPlugins(cluster);
}

// ------------------------------------------------------------------ validation and registration

function fieldErrors(raw: RawValidation, secrets: string[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const c of raw.configs) {
    // Connect sends `value: null` for keys its plugin defines but that have nothing to report.
    const key = c.value?.name ?? c.definition?.name;
    const errors = (c.value?.errors ?? []).map((m) => redactValues(m, secrets));
    if (key && errors.length) fields[key] = [...(fields[key] ?? []), ...errors];
  }
  // Debezium reports a failed test connection on database.hostname; a bad password belongs next to the password.
  for (const msg of fields["database.hostname"] ?? []) {
    if (/password authentication failed|no password supplied/i.test(msg)) fields["database.password"] = [...(fields["database.password"] ?? []), msg];
    if (/role .* does not exist/i.test(msg)) fields["database.user"] = [...(fields["database.user"] ?? []), msg];
  }
  return fields;
}

function notInstalled(cluster: ClusterRef, className: string, plugins: PluginInfo[], labChanges: ConfigChange[]): ConnectValidationError {
  const connectors = plugins.filter((p) => p.type === "source" || p.type === "sink");
  const list = connectors.map((p) => `${p.className} (${p.type}${p.version ? ` ${p.version}` : ""})`).join(", ");
  const sameKind = /sink/i.test(className) ? connectors.filter((p) => p.type === "sink") : /source/i.test(className) ? connectors.filter((p) => p.type === "source") : [];
  const hint = sameKind.length ? ` For this lab, use ${sameKind.map((p) => p.className).join(" or ")}.` : "";
  const message = `The connector plugin "${className}" is not installed on Kafka Connect at ${cluster.url}. Installed connector plugins: ${list || "none"}.${hint} Or install the plugin into the worker's plugin.path and restart the worker.`;
  return Object.assign(
    new ConnectValidationError(422, "plugin_not_installed", message, { "connector.class": [`"${className}" is not installed on this Kafka Connect cluster.`] }, connectors, {
      className,
      url: cluster.url,
      installed: list || "—",
      suggestion: sameKind.map((p) => p.className).join(" / "),
    }),
    { labChanges },
  );
}

/** The flat config to send: template secrets restored, `name` set. */
function prepare(draft: ConnectorDraft): Record<string, string> {
  const { name: _ignored, ...rest } = restoreTemplateSecrets(draft.template, draft.config);
  return { ...rest, name: draft.name };
}

/**
 * Everything before creation: names and required keys (no request), the class against GET /connector-plugins
 * (a clear "not installed" naming it), then the plugin's own validate. Throws only when Connect cannot even be
 * asked; a config Connect rejects comes back as a report with `ok: false`.
 */
export async function validateDraft(cluster: ClusterRef, draft: ConnectorDraft): Promise<ValidationReport> {
  const cfg = prepare(draft);
  const local = draftIssues({ name: draft.name, config: cfg });
  if (local.length) throw localIssuesError(local);
  const plugins = await connect.listPlugins(cluster);
  const lab = labEndpoints(plugins);
  // Only non-secret keys change (class, URLs, hosts, ports): the browser applies them to its own draft.
  const labChanges = diffConfigs(cfg, adaptToLab(cfg, lab));
  const plugin = resolvePlugin(cfg["connector.class"], plugins);
  if (!plugin) throw notInstalled(cluster, cfg["connector.class"], plugins, labChanges);
  const typed = draftIssues({ name: draft.name, config: cfg }, plugin.type);
  if (typed.length) throw localIssuesError(typed);
  const secrets = redactionList(cfg);
  const raw = await connect.validateConfig(cluster, plugin.className, cfg, secrets);
  const fields = fieldErrors(raw, secrets);
  const hints = connectionHints(cfg, fields, lab);
  return { ok: raw.error_count === 0, className: plugin.className, pluginType: plugin.type, errorCount: raw.error_count, fields, hints, labChanges };
}

/** This lab's endpoints as Kafka Connect reaches them, for adapting the course's JSON and explaining failures. */
function labEndpoints(plugins: PluginInfo[]): LabEndpoints {
  const c = config();
  return { pgHost: c.postgres.hostForConnect, pgPort: c.postgres.port, s3Endpoint: c.s3.endpointForConnect, installed: plugins.map((p) => p.className) };
}

function localIssuesError(issues: ReturnType<typeof draftIssues>): ConnectValidationError {
  const fields: Record<string, string[]> = {};
  for (const i of issues) fields[i.key || "config"] = [...(fields[i.key || "config"] ?? []), describeIssue(i)];
  return new ConnectValidationError(422, "invalid_draft", `Fix the configuration first: ${issues.map(describeIssue).join("; ")}.`, fields, undefined, { count: issues.length });
}

function rejected(report: ValidationReport): ConnectValidationError {
  const first = Object.entries(report.fields)[0];
  const message = `Kafka Connect rejected the configuration (${report.errorCount} error${report.errorCount === 1 ? "" : "s"})${first ? `: ${first[0]}: ${first[1][0]}` : ""}. Nothing was created.`;
  const count = Object.values(report.fields).reduce((n, msgs) => n + msgs.length, 0);
  return new ConnectValidationError(422, "validation_failed", message, report.fields, undefined, { count });
}

/** Validates, and creates only if validation passed (POST /connectors: never overwrites an existing one). */
export async function registerConnector(cluster: ClusterRef, draft: ConnectorDraft): Promise<ActionOutcome> {
  const report = await validateDraft(cluster, draft);
  if (!report.ok) throw rejected(report);
  const cfg = prepare(draft);
  await connect.createConnector(cluster, draft.name, cfg, redactionList(cfg));
  return outcome(cluster, draft.name, null);
}

/**
 * Replaces the config after validating it. Secrets the form sent back as MASK keep their stored value (fetched
 * here, server-side). Returns what changed, compared as masked.
 */
export async function updateConnectorConfig(cluster: ClusterRef, name: string, edited: Record<string, string>): Promise<ActionOutcome & { changes: ConfigChange[] }> {
  const stored = await connect.getConnectorConfig(cluster, name);
  const restored = restoreMaskedSecrets(edited, stored);
  const changes = diffConfigs(maskSecrets(stored), edited);
  const report = await validateDraft(cluster, { name, config: { ...restored, name } });
  if (!report.ok) throw rejected(report);
  const { name: _n, ...cfg } = restored;
  await connect.putConnectorConfig(cluster, name, { ...cfg, name }, redactionList(restored));
  return { ...(await outcome(cluster, name, null)), changes };
}

/**
 * Runs the plugin's validation on the STORED config: the answer to "why is it not streaming?" when the task
 * keeps retrying (Debezium 3 retries a failed database login forever with the task still RUNNING).
 */
export async function diagnoseConnector(cluster: ClusterRef, name: string): Promise<ValidationReport> {
  const stored = await connect.getConnectorConfig(cluster, name);
  return validateDraft(cluster, { name, config: { ...stored, name } });
}

// ------------------------------------------------------------------ lifecycle

async function outcome(cluster: ClusterRef, name: string, message: string | null): Promise<ActionOutcome> {
  const status = await statusOrNull(cluster, name);
  return { name, state: status ? toState(status.connector.state) : null, message };
}

export type LifecycleAction = "pause" | "resume" | "stop";

export async function changeConnectorState(cluster: ClusterRef, name: string, action: LifecycleAction): Promise<ActionOutcome> {
  if (action === "pause") await connect.pauseConnector(cluster, name);
  else if (action === "resume") await connect.resumeConnector(cluster, name);
  else await connect.stopConnector(cluster, name);
  return outcome(cluster, name, null);
}

export async function restartConnectorAndTasks(cluster: ClusterRef, name: string, opts: { includeTasks: boolean; onlyFailed: boolean }): Promise<ActionOutcome> {
  await connect.restartConnector(cluster, name, opts);
  return outcome(cluster, name, null);
}

export async function restartConnectorTask(cluster: ClusterRef, name: string, task: number): Promise<ActionOutcome> {
  await connect.restartTask(cluster, name, task);
  return outcome(cluster, name, null);
}

export async function deleteConnectorNamed(cluster: ClusterRef, name: string, confirm: string): Promise<{ name: string; deleted: true }> {
  if (confirm !== name) {
    throw new AppError(422, "confirmation_mismatch", `Type the connector's name exactly ("${name}") to delete it; nothing was deleted.`, "console", { params: { name } });
  }
  await connect.deleteConnector(cluster, name);
  return { name, deleted: true };
}

// ------------------------------------------------------------------ offsets (KIP-875)

export async function getConnectorOffsets(cluster: ClusterRef, name: string): Promise<ConnectorOffsets> {
  const [status, offsets] = await Promise.all([statusOrNull(cluster, name), connect.getOffsets(cluster, name)]);
  return { state: status ? toState(status.connector.state) : "UNASSIGNED", offsets: offsets.offsets };
}

async function requireStopped(cluster: ClusterRef, name: string): Promise<void> {
  const status = await statusOrNull(cluster, name);
  const state = status ? toState(status.connector.state) : "UNASSIGNED";
  if (state !== "STOPPED") {
    throw new AppError(409, "connector_not_stopped", `"${name}" is ${state}: Kafka Connect only changes offsets of a STOPPED connector. Stop it first, then reset or alter the offsets.`, "connect", { params: { name, state } });
  }
}

export async function resetConnectorOffsets(cluster: ClusterRef, name: string): Promise<ActionOutcome> {
  await requireStopped(cluster, name);
  const message = await connect.resetOffsets(cluster, name);
  return outcome(cluster, name, message);
}

export async function alterConnectorOffsets(cluster: ClusterRef, name: string, offsets: OffsetEntry[]): Promise<ActionOutcome> {
  // Connect stores any JSON and the task fails later on resume: check against the connector's own shape first.
  const info = await connect.getConnectorInfo(cluster, name);
  const problem = checkOffsets({ className: info.config["connector.class"] ?? "", type: info.type }, offsets);
  if (problem) throw new AppError(422, problem.code, `${problem.message} Nothing was changed: the connector keeps its current offsets.`, "console", { params: problem.params });
  await requireStopped(cluster, name);
  const message = await connect.alterOffsets(cluster, name, offsets);
  return outcome(cluster, name, message);
}
