import "server-only";
import { z } from "zod";
import { writeAudit } from "../audit";
import { AppError, asAppError } from "../errors";
import { DEFAULT_MAX_BODY_BYTES, errorResponse, okResponse, parseInput, readJsonBody } from "../http/contract";
import type { ApiResult } from "../http/shared/envelope";
import { clientAddress, principalFrom } from "./principal";
import type { Principal, Role } from "./shared/principal";

/** Marks handlers built here, so a test can prove every mutating export of app/api passes through the guard. */
export const GUARDED = Symbol.for("lab-console.guarded");

interface RunArgs<I, P> {
  input: I;
  params: P;
  principal: Principal;
  /** The HTTP request, for the route door only (uploads read their raw body); undefined for a server action. */
  req?: Request;
}

/** The request of an operation that only the route door offers (raw uploads, cookies). */
export function routeRequest(args: { req?: Request }): Request {
  if (!args.req) throw new AppError(400, "route_only", "This operation takes a raw HTTP body: call its route, not a server action.", "console");
  return args.req;
}

export interface MutationSpec<I, P> {
  /** Audit action name, "<area>.<verb>", e.g. "connector.pause". */
  action: string;
  /** Body schema (strict: an unknown key is refused); absent means the body is ignored. Invalid bodies get 422 and change nothing. */
  input?: z.ZodType<I>;
  /** Largest JSON body accepted (413 beyond); default DEFAULT_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
  /** What the audit log names as the target. */
  target?: (args: { input: I; params: P }) => string | null | undefined;
  /** Who may do it; every mutation so far is the operator's. */
  role?: Role;
  /** Answer with this status on success (default 200). */
  successStatus?: number;
  run: (args: RunArgs<I, P>) => Promise<unknown>;
}

type RouteContext<P> = { params: Promise<P> };
/** `takesJson`: the route reads a JSON body (so the contract test can send it an invalid one). */
export type GuardedHandler<P> = ((req: Request, ctx: RouteContext<P>) => Promise<Response>) & { [GUARDED]: string; takesJson: boolean; role: Role };

/** True when the browser says the request comes from another site (Origin or Sec-Fetch-Site). */
export function isCrossSite(req: { headers: Headers }): boolean {
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (origin && origin !== "null") {
    try {
      if (host && new URL(origin).host !== host) return true;
    } catch {
      return true;
    }
  } else if (origin === "null") return true;
  return req.headers.get("sec-fetch-site") === "cross-site";
}

/** One call through the guard, from either door: who called, from where, with what. */
interface GuardedCall<P> {
  /** Route params (from the URL), or a server action's (from the browser: checked after the role, see runAction). */
  params: P;
  checkParams?: (params: P) => P;
  headers: Headers;
  /** The raw input: a JSON body read by the route door (which may throw 413/422), or a server action's argument. */
  readInput: () => Promise<unknown>;
  req?: Request;
}

/**
 * The one guard of every mutation: cross-site (403), who is calling (401), may they (403), is the input valid
 * (strict schema, 422), then the one lib/ function, and the audit log whatever happened.
 */
async function runGuarded<I, P>(spec: MutationSpec<I, P>, call: GuardedCall<P>): Promise<{ status: number; result: ApiResult<unknown>; error?: AppError; data?: unknown }> {
  const started = performance.now();
  const { headers } = call;
  let params = call.params;
  const principal = await principalFrom(headers.get("cookie"));
  const clientIp = clientAddress(headers);
  let input: I = undefined as I;
  let target: string | null = null;
  const audit = (outcome: "ok" | "error" | "refused", error: AppError | null) =>
    writeAudit({
      actor: principal?.user ?? "anonymous",
      role: principal?.role ?? "none",
      clientIp,
      action: spec.action,
      target,
      params: input === undefined ? params : { ...params, input },
      outcome,
      error: error ? error.message : null,
      errorCode: error?.code ?? null,
      errorParams: error?.params ?? null,
      durationMs: performance.now() - started,
    });
  const fail = async (e: AppError, outcome: "error" | "refused") => {
    await audit(outcome, e);
    return { status: e.status, result: { ok: false as const, error: e.toJSON() }, error: e };
  };

  // Route handlers have no built-in origin check (server actions do; checked here for both): refuse a cross-site
  // request, so a page on another site cannot drive a loopback console (no login) or ride an operator's cookie.
  if (isCrossSite({ headers })) return fail(new AppError(403, "cross_site", "Cross-site request refused: changes can only come from the console's own pages.", "console", { params: { action: spec.action } }), "refused");
  if (!principal) return fail(new AppError(401, "unauthenticated", "Sign in first: this console requires a login when it is reachable from other machines.", "console"), "refused");
  if (principal.role !== (spec.role ?? "operator") && principal.role !== "operator") {
    return fail(new AppError(403, "forbidden", `Only an operator may do this (${spec.action}); you are signed in as ${principal.role}.`, "console", { params: { action: spec.action, role: principal.role } }), "refused");
  }
  if (call.checkParams) {
    try {
      params = call.checkParams(params);
    } catch (e) {
      return fail(asAppError(e), "error");
    }
  }
  if (spec.input) {
    try {
      input = parseInput(spec.input, await call.readInput(), "input");
    } catch (e) {
      return fail(asAppError(e), "error");
    }
  }
  target = spec.target?.({ input, params }) ?? null;
  try {
    const data = await spec.run({ input, params, principal, req: call.req });
    await audit("ok", null);
    return { status: spec.successStatus ?? 200, result: { ok: true, data: data instanceof Response ? null : (data ?? null) }, data };
  } catch (e) {
    return fail(asAppError(e), "error");
  }
}

/** The route door (the scripting API: curl, tests): the guard, answered as HTTP. */
export function mutatingRoute<I = undefined, P = Record<string, string>>(spec: MutationSpec<I, P>): GuardedHandler<P> {
  const handler = async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    const params = ((await ctx?.params) ?? {}) as P;
    const out = await runGuarded(spec, { params, headers: req.headers, req, readInput: () => readJsonBody(req, spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES) });
    if (out.error) return errorResponse(out.error);
    // A handler that must shape its own response (cookies, streams) returns a Response.
    if (out.data instanceof Response) return out.data;
    return okResponse(out.result.ok ? out.result.data : null, { status: out.status });
  };
  return Object.assign(handler, { [GUARDED]: spec.action, takesJson: Boolean(spec.input), role: spec.role ?? "operator" });
}

/** Route params as a server action receives them from the browser: untrusted, so strings of bounded size only. */
const actionParams = z.record(z.string(), z.string().max(1024));

/**
 * The server-action door (the UI's mutations): the same guard over the request's own headers, answered as the
 * same `{ ok, data } | { ok, error }` result. Call it from a "use server" module, one per area.
 */
export async function runAction<I, P extends Record<string, string>>(spec: MutationSpec<I, P>, params: P, input?: unknown): Promise<ApiResult<unknown>> {
  const { headers } = await import("next/headers");
  const h = await headers();
  const out = await runGuarded(spec, {
    params: params ?? ({} as P),
    checkParams: (p) => parseInput(actionParams, p, "parameters") as P,
    headers: new Headers(h),
    readInput: async () => input,
  });
  return out.result;
}
