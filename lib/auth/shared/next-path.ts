// Where to go after signing in: only a path of this console, never another origin. Parsed with the URL parser
// (as the browser will): "/\evil.example" and "/<tab>/evil.example" look like paths but are other origins.
const BASE = "http://console.invalid";

export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  // The normalised form, so what the browser resolves is exactly what was checked.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? "/" : path;
}
