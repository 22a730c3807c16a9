// Known PostgreSQL / Debezium failure messages → their cause. Every pattern here was captured from a real task
// trace or validation message on the lab (Debezium 3.6.1, PostgreSQL 15): see fixtures/*.json and capture.ts.
// Pure.
import "server-only";
import type { TraceCause } from "./shared/types";

export interface TraceMatch {
  cause: TraceCause;
  /** The line of the trace that matched (PostgreSQL's or Debezium's own words). */
  line: string;
  /** Values taken from the message: a table, a slot, a pid, a user, a setting's value. */
  params: Record<string, string>;
}

interface Pattern {
  cause: TraceCause;
  re: RegExp;
  params?: (m: RegExpMatchArray) => Record<string, string>;
}

// Most specific first: a trace often carries several of these (Debezium wraps PostgreSQL's error).
const PATTERNS: Pattern[] = [
  { cause: "wal_level", re: /logical decoding requires wal_level >= logical/i },
  // Debian's PostgreSQL 15.20: `library "decoderbufs" may not be used as an output plugin`; a stock build
  // without the library says `could not access file "decoderbufs"`.
  { cause: "plugin_missing", re: /(?:library|file) "(decoderbufs|[\w$-]+)"[^\n]*(?:may not be used as an output plugin|No such file)|could not access file "([\w$-]+)"/i, params: (m) => ({ plugin: m[1] ?? m[2] ?? "" }) },
  { cause: "no_replication", re: /must be superuser or replication role to start walsender/i },
  { cause: "publication_all_tables_superuser", re: /must be superuser to create FOR ALL TABLES publication/i },
  { cause: "publication_not_owner", re: /must be owner of table ("?)([^\s"]+)\1/i, params: (m) => ({ table: m[2] }) },
  { cause: "no_create_on_database", re: /permission denied for database ("?)([^\s"]+)\1/i, params: (m) => ({ database: m[2] }) },
  { cause: "publication_missing", re: /Publication autocreation is disabled, please create one|publication "([^"]+)" does not exist/i, params: (m): Record<string, string> => (m[1] ? { publication: m[1] } : {}) },
  { cause: "select_denied", re: /permission denied for table ("?)([^\s"]+)\1/i, params: (m) => ({ table: m[2] }) },
  { cause: "slots_exhausted", re: /all replication slots are in use/i },
  { cause: "slot_in_use", re: /replication slot "([^"]+)" is active for PID (\d+)/i, params: (m) => ({ slot: m[1], pid: m[2] }) },
  { cause: "wal_senders_exhausted", re: /number of requested standby connections exceeds max_wal_senders \(currently (\d+)\)/i, params: (m) => ({ max: m[1] }) },
  { cause: "password", re: /password authentication failed for user "([^"]+)"/i, params: (m) => ({ user: m[1] }) },
  { cause: "role_missing", re: /role "([^"]+)" does not exist/i, params: (m) => ({ user: m[1] }) },
  {
    cause: "slot_invalidated",
    re: /can no longer get changes from replication slot "([^"]+)"|replication slot "([^"]+)" (?:has been invalidated|was invalidated)|This slot has been invalidated|trying to read change stream starting at .* but this is no longer available/i,
    params: (m): Record<string, string> => (m[1] || m[2] ? { slot: m[1] ?? m[2] } : {}),
  },
];

/** The first known cause in a trace or message, or null. */
export function matchTrace(trace: string | null | undefined): TraceMatch | null {
  if (!trace) return null;
  for (const p of PATTERNS) {
    const m = trace.match(p.re);
    if (m) {
      const at = m.index ?? 0;
      const start = trace.lastIndexOf("\n", at) + 1;
      const end = trace.indexOf("\n", at);
      const line = trace.slice(start, end < 0 ? undefined : end).trim();
      return { cause: p.cause, line, params: p.params?.(m) ?? {} };
    }
  }
  return null;
}

/** The deepest "Caused by:" line, else the first line: what to show when no pattern matches. */
export function rootCauseLine(trace: string): string {
  const caused = [...trace.matchAll(/^Caused by: (.*)$/gm)].map((m) => m[1]);
  return (caused.at(-1) ?? trace.split("\n")[0] ?? "").trim();
}
