// DNS rebinding: a page on evil.example re-points its own name at 127.0.0.1 and then talks to a console
// without login as if same-origin (its Origin matches its Host). The only tell is the Host header, so a console
// without login answers only to loopback names and to CONSOLE_ALLOWED_HOSTS. Pure; used by proxy.ts.
import "server-only";
import { isLoopbackHost } from "../../config-core";

/** The host name of a Host header ("a.b:3000" → "a.b", "[::1]:3000" → "::1"), lower case; null when unparsable. */
export function hostNameOf(hostHeader: string): string | null {
  try {
    const name = new URL(`http://${hostHeader.trim()}`).hostname.toLowerCase();
    return name.replace(/^\[|\]$/g, "") || null;
  } catch {
    return null;
  }
}

/** True when a console without login may answer a request with this Host header. */
export function hostAllowed(hostHeader: string | null, allowedHosts: string[]): boolean {
  // Browsers always send Host (a rebinding attack needs one); a bare client without it is not a browser page.
  if (hostHeader === null) return true;
  const name = hostNameOf(hostHeader);
  if (!name) return false;
  return isLoopbackHost(name) || allowedHosts.includes(name);
}

export function hostRefusal(hostHeader: string): { status: 421; code: "host_not_allowed"; message: string; params: { host: string } } {
  const name = hostNameOf(hostHeader) ?? hostHeader;
  return {
    status: 421,
    code: "host_not_allowed",
    message:
      `This console has no login, so it only answers to loopback addresses (127.0.0.1, localhost, [::1]); "${name}" is not one. ` +
      `If you reach it by that name on purpose, add it to CONSOLE_ALLOWED_HOSTS (e.g. CONSOLE_ALLOWED_HOSTS=${name}) and restart the console.`,
    params: { host: name },
  };
}
