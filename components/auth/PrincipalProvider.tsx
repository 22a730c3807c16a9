"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "@/lib/auth/shared/principal";

interface ClientPrincipal {
  user: string;
  role: Role;
  authenticated: boolean;
}

const PrincipalContext = createContext<ClientPrincipal | null>(null);

/** Who is signed in, for client components (the server still enforces roles on every mutation). */
export function PrincipalProvider({ principal, children }: { principal: ClientPrincipal | null; children: ReactNode }) {
  return <PrincipalContext.Provider value={principal}>{children}</PrincipalContext.Provider>;
}

export function usePrincipal(): ClientPrincipal | null {
  return useContext(PrincipalContext);
}

/** True when the caller may change things: every mutating control is hidden or disabled (with the reason) otherwise. */
export function useCanOperate(): boolean {
  return usePrincipal()?.role === "operator";
}
