// Pure checks that run before anything is sent to Kafka Connect, shared by the register form (browser) and
// the route handlers (server): connector names, the raw JSON editor, required keys, config diffs, traces.
import { z } from "zod";
import { isSecretKey, MASK } from "../../shared/secrets";
import type { ConnectorType, PluginInfo, TraceView } from "./types";
import { splitList as split } from "./usage-match";
import { locateJsonError } from "../../http/shared/json-error";

// ------------------------------------------------------------------ names

export type NameIssue = "empty" | "whitespace" | "slash" | "unsafe" | "control" | "dots" | "tooLong";

/** Kafka Connect's own rules (no '/', no ISO control characters), plus what breaks its REST paths. */
export function connectorNameIssue(name: string): NameIssue | null {
  if (name.trim() === "") return "empty";
  if (name !== name.trim()) return "whitespace";
  if (name.includes("/")) return "slash";
  // Connect's Jetty refuses %25 and %5C in paths ("ambiguous URI path encoding"): such a connector could be
  // created but never read, paused or deleted through the REST API again.
  if (/[%\\]/.test(name)) return "unsafe";
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return "control";
  if (name === "." || name === "..") return "dots";
  if (name.length > 249) return "tooLong";
  return null;
}

const NAME_MESSAGES: Record<NameIssue, string> = {
  empty: "the connector name is empty",
  whitespace: "the connector name starts or ends with spaces",
  slash: "the connector name contains '/', which Kafka Connect refuses",
  unsafe: "the connector name contains '%' or '\\': Kafka Connect would create it but its REST API could never address it again",
  control: "the connector name contains control characters, which Kafka Connect refuses",
  dots: "'.' and '..' cannot be connector names (they break Connect's REST paths)",
  tooLong: "the connector name is longer than 249 characters",
};

export const connectorName = z.string().superRefine((name, ctx) => {
  const issue = connectorNameIssue(name);
  if (issue) ctx.addIssue({ code: "custom", message: NAME_MESSAGES[issue] });
});

/** A flat Connect config: every value a string (Connect stores Map<String, String>). */
export const flatConfig = z.record(z.string().min(1), z.string());

// ------------------------------------------------------------------ raw JSON editor

export type DraftParseResult =
  | { ok: true; draft: { name: string; config: Record<string, string> } }
  | { ok: false; error: { kind: "syntax"; line: number; column: number; message: string } | { kind: "shape"; code: "notObject" | "badValue"; key?: string; message: string } };

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Where the JSON breaks, found by our own scan: the engine's message is English and often has no position. */
function syntaxError(text: string, e: unknown): { kind: "syntax"; line: number; column: number; message: string } {
  const message = e instanceof Error ? e.message : String(e);
  const at = locateJsonError(text) ?? lineColumn(text, text.length);
  return { kind: "syntax", line: at.line, column: at.column, message };
}

/**
 * Accepts the seed's shape `{ "name": …, "config": { … } }` or a flat config `{ "name": …, "connector.class": … }`.
 * Numbers and booleans become strings (as Connect stores them); objects, arrays and null are refused.
 */
export function parseDraftJson(text: string): DraftParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: syntaxError(text, e) };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, error: { kind: "shape", code: "notObject", message: "The JSON must be an object: {\"name\": …, \"config\": {…}} or a flat config." } };
  }
  const top = value as Record<string, unknown>;
  const nested = top.config !== undefined && typeof top.config === "object" && top.config !== null && !Array.isArray(top.config);
  const raw = (nested ? top.config : top) as Record<string, unknown>;
  const config: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === "string") config[k] = v;
    else if (typeof v === "number" || typeof v === "boolean") config[k] = String(v);
    else return { ok: false, error: { kind: "shape", code: "badValue", key: k, message: `The value of "${k}" must be a string, number or boolean.` } };
  }
  const topName = nested && typeof top.name === "string" ? top.name : undefined;
  const name = topName ?? config.name ?? "";
  return { ok: true, draft: { name, config } };
}

/** The JSON the raw editor starts from when switching from a template (the seed's shape). */
export function draftToJson(draft: { name: string; config: Record<string, string> }): string {
  const { name: _omit, ...config } = draft.config;
  return JSON.stringify({ name: draft.name, config }, null, 2);
}

// ------------------------------------------------------------------ required keys

export type DraftIssueCode = `name.${NameIssue}` | "class.missing" | "topics.missing" | "name.mismatch" | "key.empty";

export interface DraftIssue {
  /** The config key the issue belongs to ("name" for the connector name). */
  key: string;
  code: DraftIssueCode;
}

/** What can be checked without asking Connect; `pluginType` once the class is known to be installed. */
export function draftIssues(draft: { name: string; config: Record<string, string> }, pluginType?: string | null): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const nameIssue = connectorNameIssue(draft.name);
  if (nameIssue) issues.push({ key: "name", code: `name.${nameIssue}` });
  if (draft.config.name !== undefined && draft.config.name !== draft.name) issues.push({ key: "name", code: "name.mismatch" });
  if (!draft.config["connector.class"]?.trim()) issues.push({ key: "connector.class", code: "class.missing" });
  if (Object.keys(draft.config).some((k) => k.trim() === "")) issues.push({ key: "", code: "key.empty" });
  const sink = pluginType === "sink" || (!pluginType && /SinkConnector$|Sink$/.test(draft.config["connector.class"] ?? ""));
  if (sink && !draft.config.topics?.trim() && !draft.config["topics.regex"]?.trim()) issues.push({ key: "topics", code: "topics.missing" });
  return issues;
}

const ISSUE_MESSAGES: Record<Exclude<DraftIssueCode, `name.${NameIssue}`>, string> = {
  "class.missing": "connector.class is required: the Java class (or alias) of the connector plugin",
  "topics.missing": "a sink needs `topics` (comma-separated) or `topics.regex`",
  "name.mismatch": "config.name differs from the connector name; remove it or make them equal",
  "key.empty": "a config key is empty",
};

/** English text of an issue, for API responses (the UI translates the code). */
export function describeIssue(issue: DraftIssue): string {
  if (issue.code.startsWith("name.") && issue.code !== "name.mismatch") return NAME_MESSAGES[issue.code.slice(5) as NameIssue];
  return ISSUE_MESSAGES[issue.code as keyof typeof ISSUE_MESSAGES];
}

// ------------------------------------------------------------------ plugins

/** Connect accepts the full class name, the simple name, and the simple name without "Connector". */
export function resolvePlugin(className: string, plugins: PluginInfo[]): PluginInfo | null {
  const wanted = className.trim();
  const simple = (c: string) => c.split(".").pop() ?? c;
  return (
    plugins.find((p) => p.className === wanted) ??
    plugins.find((p) => simple(p.className) === wanted || simple(p.className).replace(/Connector$/, "") === wanted) ??
    null
  );
}

// ------------------------------------------------------------------ diffs

export interface ConfigChange {
  key: string;
  kind: "added" | "removed" | "changed";
  before: string | null;
  after: string | null;
  secret: boolean;
}

/**
 * What an edit changes, comparing masked values as masked: a secret still equal to MASK is unchanged (the
 * server keeps the stored value), a secret with a new value shows as changed without revealing either value.
 */
export function diffConfigs(before: Record<string, string>, after: Record<string, string>): ConfigChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== "name").sort();
  const changes: ConfigChange[] = [];
  for (const key of keys) {
    const secret = isSecretKey(key);
    const b = key in before ? before[key] : null;
    const a = key in after ? after[key] : null;
    if (b === a) continue;
    if (secret && a === MASK && b !== null) continue;
    const show = (v: string | null) => (v === null ? null : secret ? MASK : v);
    changes.push({ key, kind: b === null ? "added" : a === null ? "removed" : "changed", before: show(b), after: show(a), secret });
  }
  return changes;
}

// ------------------------------------------------------------------ traces and topics

/** Splits a Java stack trace: first line, the deepest "Caused by:", the whole. */
export function traceView(trace: string | null | undefined): TraceView | null {
  if (!trace || !trace.trim()) return null;
  const lines = trace.split(/\r?\n/);
  const firstLine = lines.find((l) => l.trim() !== "")?.trim() ?? "";
  const causes = lines.filter((l) => l.startsWith("Caused by:")).map((l) => l.slice("Caused by:".length).trim());
  const summary = firstLine.replace(/^([\w$]+\.)+[\w$]*(Exception|Error)(:\s*|$)/, "").trim() || firstLine;
  return { firstLine, summary, rootCause: causes.at(-1) ?? null, full: trace };
}

/** Topics a connector's config names, without asking Connect (used by the list; the detail asks Connect). */
export function configuredTopics(type: ConnectorType, config: Record<string, string>): string[] {
  if (type === "sink") return config.topics ? split(config.topics) : config["topics.regex"] ? [`/${config["topics.regex"]}/`] : [];
  if (config.topic) return [config.topic];
  const prefix = config["topic.prefix"];
  if (prefix) {
    const tables = split(config["table.include.list"]);
    return tables.length ? tables.map((t) => `${prefix}.${t}`) : [`${prefix}.*`];
  }
  return [];
}

/** The raw editor's JSON with `changes` applied to its config (nested `{name, config}` or flat), re-indented. */
export function applyChangesToJson(text: string, changes: ConfigChange[]): string {
  const top = JSON.parse(text) as Record<string, unknown>;
  const nested = top.config !== null && typeof top.config === "object" && !Array.isArray(top.config);
  const cfg = (nested ? top.config : top) as Record<string, unknown>;
  for (const c of changes) {
    if (c.secret) continue;
    if (c.after === null) delete cfg[c.key];
    else cfg[c.key] = c.after;
  }
  return JSON.stringify(top, null, 2);
}
