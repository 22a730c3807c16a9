import "server-only";
// Kafka Connect's own storage topics (connector configs with their passwords, source offsets, statuses).
// Connect's REST API does not name them (GET / gives only the version); the workers' config does. The console
// reads the worker properties it can see — the lab's (`lab:up` writes .lab/conf/connect.properties) and the
// Docker worker's (docker/connect/worker.properties) — on top of Connect's defaults. A worker config the
// console cannot see (a user's own cluster) is covered by recognising the records by shape (lib/kafka/messages/messages.ts).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { LAB_DIR } from "../../config-core";

export interface ConnectInternalTopics {
  config: string[];
  offset: string[];
  status: string[];
}

const DEFAULTS: ConnectInternalTopics = { config: ["connect-configs"], offset: ["connect-offsets"], status: ["connect-status"] };

/** Java properties, as far as Connect's storage settings need: `key=value` or `key: value`, # and ! comments. */
export function parseWorkerProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (m) out[m[1]] = m[2].trim();
  }
  return out;
}

export function connectInternalTopics(workers: Record<string, string>[]): ConnectInternalTopics {
  const pick = (kind: keyof ConnectInternalTopics) => [...new Set([...DEFAULTS[kind], ...workers.map((w) => w[`${kind}.storage.topic`]).filter((t): t is string => !!t)])].sort();
  return { config: pick("config"), offset: pick("offset"), status: pick("status") };
}

let cached: ConnectInternalTopics | null = null;

/** The storage topics of the workers whose config the console can read (read once per process). */
export function knownConnectInternalTopics(): ConnectInternalTopics {
  if (cached) return cached;
  const files = [path.join(LAB_DIR, "conf", "connect.properties"), path.join(/* turbopackIgnore: true */ process.cwd(), "docker", "connect", "worker.properties")];
  const workers: Record<string, string>[] = [];
  for (const f of files) {
    try {
      if (existsSync(/* turbopackIgnore: true */ f)) workers.push(parseWorkerProperties(readFileSync(/* turbopackIgnore: true */ f, "utf8")));
    } catch {
      // unreadable: the defaults and the shape checks still apply
    }
  }
  cached = connectInternalTopics(workers);
  return cached;
}
