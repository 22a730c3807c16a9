import "server-only";
import { headers } from "next/headers";
import { principalFrom, type Principal } from "./principal";

/** The caller of the current request, for server components (e.g. to hide operator-only controls). */
export async function currentPrincipal(): Promise<Principal | null> {
  return principalFrom((await headers()).get("cookie"));
}
