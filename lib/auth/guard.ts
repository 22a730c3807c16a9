import "server-only";
import { z } from "zod";
import { writeAudit } from "../audit";
import { AppError, asAppError } from "../errors";
import { DEFAULT_MAX_BODY_BYTES, errorResponse, okResponse, parseInput, readJsonBody } from "../http/contract";
import { clientAddress, principalFrom, type Principal } from "./principal";
import type { Role } from "./session";

/** Marks handlers built here, so a test can prove every mutating export of app/api passes through the guard. */
export const GUARDED = Symbol.for("lab-console.guarded");

interface RunArgs<I, P> {
  input: I;
  params: P;
  principal: Principal;
  req: Request;
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
export type GuardedHandler<P> = ((req: Request, ctx: RouteContext<P>) => Promise<Response>) & { [GUARDED]: string; takesJson: boolean };

/** True when the browser says the request comes from another site (Origin or Sec-Fetch-Site). */
export function isCrossSite(req: Request): boolean {
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

/**
 * The one door for mutations: who is calling (401), may they (403), is the input valid (422), then run,
 * and write the audit log whatever happened. Errors become `{ ok: false, error }` with their status.
 */
export function mutatingRoute<I = undefined, P = Record<string, string>>(spec: MutationSpec<I, P>): GuardedHandler<P> {
  const handler = async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    const started = performance.now();
    const params = ((await ctx?.params) ?? {}) as P;
    const principal = await principalFrom(req.headers.get("cookie"));
    const clientIp = clientAddress(req.headers);
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
      return errorResponse(e);
    };

    // Route handlers have no built-in origin check (server actions do): refuse a cross-site request, so a page on
    // another site cannot drive a loopback console (no login) or ride an operator's cookie.
    if (isCrossSite(req)) return fail(new AppError(403, "cross_site", "Cross-site request refused: changes can only come from the console's own pages.", "console", { params: { action: spec.action } }), "refused");
    if (!principal) return fail(new AppError(401, "unauthenticated", "Sign in first: this console requires a login when it is reachable from other machines.", "console"), "refused");
    if (principal.role !== (spec.role ?? "operator") && principal.role !== "operator") {
      return fail(new AppError(403, "forbidden", `Only an operator may do this (${spec.action}); you are signed in as ${principal.role}.`, "console", { params: { action: spec.action, role: principal.role } }), "refused");
    }

    if (spec.input) {
      try {
        input = parseInput(spec.input, await readJsonBody(req, spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES), "input");
      } catch (e) {
        return fail(asAppError(e), "error");
      }
    }
    target = spec.target?.({ input, params }) ?? null;

    try {
      const data = await spec.run({ input, params, principal, req });
      await audit("ok", null);
      // A handler that must shape its own response (cookies, streams) returns a Response.
      if (data instanceof Response) return data;
      return okResponse(data ?? null, { status: spec.successStatus ?? 200 });
    } catch (e) {
      return fail(asAppError(e), "error");
    }
  };
  return Object.assign(handler, { [GUARDED]: spec.action, takesJson: Boolean(spec.input) });
}
