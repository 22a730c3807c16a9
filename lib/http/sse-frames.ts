// Server-Sent Events framing. Pure.

/** One event: optional id and type, data as JSON (newlines cannot occur in JSON.stringify output). */
import "server-only";
export function sseEvent(data: unknown, options: { id?: string; event?: string } = {}): string {
  let out = "";
  if (options.id !== undefined) out += `id: ${options.id}\n`;
  if (options.event !== undefined) out += `event: ${options.event}\n`;
  return `${out}data: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: ignored by EventSource, keeps proxies and idle timers from closing the connection. */
export function sseComment(text: string): string {
  return `: ${text.replace(/\n/g, " ")}\n\n`;
}

/** Last-Event-ID format of the tail: "partition:offset". */
export function parseEventId(id: string | null | undefined): { partition: number; offset: bigint } | null {
  const m = /^(\d{1,9}):(\d{1,19})$/.exec(id?.trim() ?? "");
  return m ? { partition: Number(m[1]), offset: BigInt(m[2]!) } : null;
}
