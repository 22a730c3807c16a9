import "server-only";
import { headers } from "next/headers";
import { principalFrom } from "./principal";
import type { Principal } from "./shared/principal";

/** The caller of the current request, for server components (e.g. to hide operator-only controls). */
export async function currentPrincipal(): Promise<Principal | null> {
  return principalFrom((await headers()).get("cookie"));
}
