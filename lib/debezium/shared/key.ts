// The record key of a change event names the table's key columns. Debezium keys arrive as JSON (JsonConverter,
// with or without a schema) or, with the lab's StringConverter, as Connect's Struct text: "Struct{id=42}". Pure.

/** Key columns and their values, or null when the key is not a recognisable row key. */
export function parseKeyFields(key: string | null): Record<string, string> | null {
  if (key === null) return null;
  const text = key.trim();
  const struct = /^Struct\{(.*)\}$/s.exec(text);
  if (struct) {
    const out: Record<string, string> = {};
    // Values may hold commas; a new field starts only at ",name=".
    for (const part of struct[1]!.split(/,(?=[A-Za-z_][\w$]*=)/)) {
      const eq = part.indexOf("=");
      if (eq > 0) out[part.slice(0, eq)] = part.slice(eq + 1);
    }
    return Object.keys(out).length ? out : null;
  }
  if (!text.startsWith("{")) return null;
  try {
    let parsed = JSON.parse(text) as unknown;
    if (isRecord(parsed) && "schema" in parsed && "payload" in parsed) parsed = parsed.payload;
    if (!isRecord(parsed)) return null;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
  } catch {
    return null;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
