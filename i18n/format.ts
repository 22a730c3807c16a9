// Pure message lookup and interpolation, safe for the browser bundle (no catalog imported here).
import type { Messages } from "./messages/pt-BR";

export type { Messages } from "./messages/pt-BR";

/** Dot paths to every string leaf of a catalog: "nav.overview", "health.failures.refused", … */
type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${LeafPaths<T[K]>}`;
}[keyof T & string];

export type MessageKey = LeafPaths<Messages>;
export type MessageVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Replaces `{name}` with vars.name; unknown placeholders are left as they are. */
export function interpolate(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/** The message for `key`, interpolated; the key itself when the catalog lacks it (never throws). */
export function formatMessage(messages: Messages, key: MessageKey, vars?: MessageVars): string {
  return interpolate(lookup(messages, key) ?? key, vars);
}
