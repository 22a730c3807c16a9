// Runs before every page and API request: security headers everywhere; without login, only loopback Host names
// (DNS rebinding); when the console listens beyond loopback, a valid session, or a redirect to /login / 401 (API).
import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "./lib/config";
import { hostAllowed, hostRefusal } from "./lib/auth/request/host-check";
import { principalFrom } from "./lib/auth/principal";

const PUBLIC = [/^\/login$/, /^\/api\/auth\/login$/, /^\/api\/health$/, /^\/icon\.svg$/, /^\/favicon\.ico$/];

function securityHeaders(res: NextResponse): NextResponse {
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    // Next.js inlines its bootstrap scripts; eval only in development (React's dev tooling).
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Presigned S3 URLs (image previews, downloads, uploads) point at the S3 server.
    `img-src 'self' data: blob: ${s3Origin()}`,
    `connect-src 'self' ${s3Origin()}`,
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  res.headers.set("Content-Security-Policy", csp);
  res.headers.set("X-Frame-Options", "DENY");
  res.headers.set("X-Content-Type-Options", "nosniff");
  res.headers.set("Referrer-Policy", "same-origin");
  res.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  return res;
}

function s3Origin(): string {
  try {
    return new URL(appConfig().s3.endpoint).origin;
  } catch {
    return "";
  }
}

/** 421 for a Host a console without login must not answer (DNS rebinding), as JSON for the API, else a page. */
function refuseHost(pathname: string, host: string): NextResponse {
  const e = hostRefusal(host);
  if (pathname.startsWith("/api/")) return securityHeaders(NextResponse.json({ ok: false, error: { ...e, source: "console" } }, { status: e.status }));
  const text = e.message.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host not allowed</title></head><body><h1>Host not allowed (421)</h1><p>${text}</p></body></html>`;
  return securityHeaders(new NextResponse(html, { status: e.status, headers: { "Content-Type": "text/html; charset=utf-8" } }));
}

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const auth = appConfig().auth;
  // Without a login, only loopback names (and CONSOLE_ALLOWED_HOSTS): lib/auth/request/host-check.ts.
  const host = req.headers.get("host");
  if (!auth.exposed && !hostAllowed(host, auth.allowedHosts)) return refuseHost(pathname, host ?? "");
  if (!auth.exposed || PUBLIC.some((re) => re.test(pathname))) return securityHeaders(NextResponse.next());
  const principal = await principalFrom(req.headers.get("cookie"));
  if (principal) return securityHeaders(NextResponse.next());
  if (pathname.startsWith("/api/")) {
    // Mutations go on to their handler, whose guard answers 401 and writes the refusal to the audit log.
    if (req.method !== "GET" && req.method !== "HEAD") return securityHeaders(NextResponse.next());
    return securityHeaders(
      NextResponse.json({ ok: false, error: { status: 401, code: "unauthenticated", message: "Sign in first: this console requires a login when it is reachable from other machines.", source: "console" } }, { status: 401 }),
    );
  }
  const login = new URL("/login", req.url);
  login.searchParams.set("next", `${pathname}${search}`);
  return securityHeaders(NextResponse.redirect(login));
}

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
