// Who is signed in and with which role, as the browser knows it (the header, the principal context, the role gates).
// Pure types and constants; the cookie that proves it is read on the server (lib/auth/principal.ts).

export const ROLES = ["operator", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  user: string;
  role: Role;
  /** False for the implicit local operator of a loopback-only console. */
  authenticated: boolean;
}
