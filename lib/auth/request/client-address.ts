// Who is calling, as the rate limit and the audit log name them. Pure.
//
// Next.js (16.x, base-server.js) only *fills in* X-Forwarded-For from the socket when the client sent none
// (`??=`): a client's own header passes through untouched, and route handlers get no socket address. So the
// console's server stamps the socket's address into PEER_HEADER on every request (lib/http/node-server.ts,
// installed at start by instrumentation-node.ts), overwriting anything a client sent under that name, and
// X-Forwarded-For is believed only when that socket is a configured proxy (CONSOLE_TRUSTED_PROXIES).
import "server-only";
import { normalizeAddress } from "../../config-core";

export const PEER_HEADER = "x-lab-console-peer";

/**
 * The client's address: the socket's, unless the socket is a trusted proxy — then the right-most hop of
 * X-Forwarded-For that is not itself a trusted proxy (hops to its left were written by the client and prove
 * nothing). Null when no socket address was stamped (never the client's header instead).
 */
export function resolveClientAddress(peer: string | null, forwardedFor: string | null, trustedProxies: string[]): string | null {
  if (!peer) return null;
  const socket = normalizeAddress(peer);
  const trusted = new Set(trustedProxies.map(normalizeAddress));
  if (!trusted.has(socket)) return socket;
  const hops = (forwardedFor ?? "").split(",").map((h) => h.trim()).filter(Boolean).map(normalizeAddress);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i])) return hops[i];
  return hops[0] ?? socket;
}
