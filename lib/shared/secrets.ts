// Secret masking, applied in lib/ before anything leaves the server (responses, audit entries, logs).
// Pure: no I/O, shared by the Connect client, the audit log and the route guard.

/** What a masked value looks like everywhere. An edit that sends it back unchanged keeps the stored secret. */
export const MASK = "********";

// Key names (any case, any nesting) whose values are secrets. `*.key` covers ssl.key, s3.key…, but the
// converter/transform settings whose names merely end in "key" (key.converter, …) are not values.
const SECRET_PATTERNS = [/password/i, /passwd/i, /secret/i, /token/i, /credential/i, /[._-]key$/i, /^aws\.access\.key\.id$/i, /sasl\.jaas\.config$/i, /basic\.auth\.user\.info$/i, /private[._-]?key/i, /api[._-]?key/i];
// Keys that match a pattern above but hold no secret.
const NOT_SECRET = [/^key\.converter(\..*)?$/i, /^transforms\..*\.key$/i, /(^|\.)(partition|message|record|primary|row|message\.key)\.key$/i, /\.key\.(converter|ignore|columns|fields)$/i, /^message\.key\.columns$/i, /token\.endpoint\.url$/i];

export function isSecretKey(key: string): boolean {
  if (NOT_SECRET.some((re) => re.test(key))) return false;
  return SECRET_PATTERNS.some((re) => re.test(key));
}

/** A deep copy with every secret value replaced by MASK (null and empty values stay as they are). */
export function maskSecrets<T>(value: T): T {
  return maskInner(value, null) as T;
}

function maskInner(value: unknown, key: string | null): unknown {
  if (key !== null && isSecretKey(key) && value !== null && value !== undefined && value !== "") {
    return MASK;
  }
  if (Array.isArray(value)) return value.map((v) => maskInner(v, null));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskInner(v, k);
    return out;
  }
  return value;
}

/**
 * For an edit of a flat config (a connector's): every secret key whose new value is still MASK takes the
 * stored value back, so editing other fields never overwrites a password with asterisks.
 */
export function restoreMaskedSecrets(edited: Record<string, string>, stored: Record<string, string>): Record<string, string> {
  const out = { ...edited };
  for (const [k, v] of Object.entries(out)) {
    if (v === MASK && isSecretKey(k) && k in stored) out[k] = stored[k];
  }
  return out;
}

/** Remove the given secret values wherever they appear inside free text (error messages, traces). */
export function redactValues(text: string, secrets: (string | null | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join(MASK);
  return out;
}
