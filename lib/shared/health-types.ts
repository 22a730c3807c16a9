// Shapes of the service health report, shared by the server (lib/health.ts) and the browser.

export const SERVICE_IDS = ["postgresOltp", "postgresDw", "kafka", "connect", "s3"] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

/** Why a probe failed, as a code the UI translates (the raw message travels in `reason`). */
export type FailureCode = "refused" | "auth" | "timeout" | "dns" | "http" | "missing" | "other";

export interface ServiceHealth {
  id: ServiceId;
  up: boolean;
  /** Round trip of the probe in milliseconds (also set when it failed). */
  latencyMs: number;
  /** Server version as the service reports it, when up. */
  version: string | null;
  /** host:port or URL probed — never with credentials. */
  endpoint: string;
  failure: FailureCode | null;
  /** The underlying error message, credentials removed. */
  reason: string | null;
}

export interface LabHealth {
  ok: boolean;
  checkedAt: string;
  services: ServiceHealth[];
}
