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
  /**
   * A service of several processes (Kafka's brokers, a Connect cluster's workers): each one, and how many answer
   * of those expected. Null for a single process. When some are down but the service still answers, `up` stays
   * true and `degraded` is set: one broker of three down is not Kafka down. Absent for single processes.
   */
  members?: ServiceMembers;
  degraded?: boolean;
}

export interface ServiceMember {
  /** Broker id ("1") or worker URL. */
  name: string;
  /** host:port or URL. */
  endpoint: string;
  up: boolean;
}

export interface ServiceMembers {
  kind: "brokers" | "workers";
  expected: number;
  up: number;
  list: ServiceMember[];
}

export interface LabHealth {
  ok: boolean;
  checkedAt: string;
  services: ServiceHealth[];
}
