import "server-only";
import http from "node:http";
import https from "node:https";
import { PEER_HEADER } from "./client-address";

const INSTALLED = Symbol.for("lab-console.peer-address");

/**
 * Stamps every incoming request with its socket's address (PEER_HEADER) before Next.js sees it. A header a
 * client sends under that name is overwritten, so route handlers can trust it (see client-address.ts for why
 * X-Forwarded-For cannot be). Patches the servers' emit of "request": Next creates its server itself.
 */
export function installPeerAddress(): void {
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as unknown as Record<symbol | string, unknown>;
    if (proto[INSTALLED]) continue;
    const emit = proto.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const req = args[0] as http.IncomingMessage;
        req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
      }
      return emit.call(this, event, ...args);
    };
    proto[INSTALLED] = true;
  }
}
