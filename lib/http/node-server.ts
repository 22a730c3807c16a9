import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import https from "node:https";
import { PEER_HEADER } from "../auth/request/client-address";

// The console's hooks on the Node server that Next.js creates itself (installed at start by instrumentation-node.ts):
// one patch of the servers' emit of "request", which
// - stamps every request with its socket's address (PEER_HEADER) before Next.js sees it — a header a client sends
//   under that name is overwritten, so route handlers can trust it (client-address.ts says why X-Forwarded-For
//   cannot be);
// - runs Next's handling of the request with its Node response at hand (nodeResponse()), so a stream that writes
//   thousands of small chunks a second (the live tail) can write them to the socket itself rather than through a
//   Web stream piped by Next, which costs several promises per chunk.

const INSTALLED = Symbol.for("lab-console.node-server-hooks");
// On globalThis: instrumentation and the route handlers may be bundled as separate module instances.
const STORE = Symbol.for("lab-console.node-response");
const globalStore = globalThis as unknown as Record<symbol, AsyncLocalStorage<http.ServerResponse> | undefined>;
const responses = (globalStore[STORE] ??= new AsyncLocalStorage<http.ServerResponse>());

export function installNodeServerHooks(): void {
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as unknown as Record<symbol | string, unknown>;
    if (proto[INSTALLED]) continue;
    const emit = proto.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event !== "request") return emit.call(this, event, ...args);
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
      return responses.run(args[1] as http.ServerResponse, () => emit.call(this, event, ...args));
    };
    proto[INSTALLED] = true;
  }
}

/**
 * The Node response of the request being handled, when the console's own server runs (null in tests that call a
 * route handler directly, or under another server). Only for writing a body Next.js has already started: the
 * route still returns its Response, whose status and headers Next.js sets before it reads the body.
 */
export function nodeResponse(): http.ServerResponse | null {
  return responses.getStore() ?? null;
}
