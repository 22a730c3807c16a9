// The course's connector JSON, adapted to this lab: the Confluent S3 sink (not installed here) becomes the lab's own,
// and the Docker service names of the course's compose file (minio, postgres_oltp) become the lab's endpoints as
// Kafka Connect reaches them. And, for a validation that failed to connect, what was tried, where the lab's server
// is and the likely cause. Pure: the lab's endpoints come in as arguments.
import "server-only";
import type { ConnectionHint, HintCode } from "../shared/types";

export interface LabEndpoints {
  /** Where Kafka Connect reaches PostgreSQL (PG_HOST_FOR_CONNECT) and its port. */
  pgHost: string;
  pgPort: number;
  /** Where Kafka Connect reaches S3 (S3_ENDPOINT_FOR_CONNECT). */
  s3Endpoint: string;
  /** Connector classes installed on the cluster. */
  installed: string[];
}

/** Sink classes the course (or Confluent's docs) names, and the class that serves them in this lab. */
const SINK_STAND_INS: Record<string, string> = {
  "io.confluent.connect.s3.S3SinkConnector": "lab.console.connect.s3.S3SinkConnector",
};

/** A host that only resolves inside a Docker network: a bare name that is not localhost (minio, postgres_oltp). */
export function isDockerServiceName(host: string): boolean {
  const h = host.trim().toLowerCase();
  return h !== "" && h !== "localhost" && !h.includes(".") && !h.includes(":") && /^[a-z0-9_-]+$/.test(h);
}

function urlHost(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** The config with this lab's class and endpoints; `{}` changes when nothing needed adapting. */
export function adaptToLab(config: Record<string, string>, lab: LabEndpoints): Record<string, string> {
  const out = { ...config };
  const cls = out["connector.class"];
  const standIn = cls ? SINK_STAND_INS[cls] : undefined;
  if (standIn && !lab.installed.includes(cls!) && lab.installed.includes(standIn)) out["connector.class"] = standIn;
  for (const key of ["store.url", "s3.endpoint", "endpoint"]) {
    const host = out[key] ? urlHost(out[key]!) : null;
    if (host && isDockerServiceName(host)) out[key] = lab.s3Endpoint;
  }
  const pgHost = out["database.hostname"];
  if (pgHost && isDockerServiceName(pgHost)) {
    out["database.hostname"] = lab.pgHost;
    out["database.port"] = String(lab.pgPort);
  }
  return out;
}

const CONNECT_FAILED = /connection attempt failed|connection refused|unknownhost|could not translate host|name or service not known|timed out|no route to host/i;
const OTHER_SERVER = /role .* does not exist|password authentication failed|database .* does not exist/i;

export function connectionHints(config: Record<string, string>, fields: Record<string, string[]>, lab: LabEndpoints): ConnectionHint[] {
  const hints: ConnectionHint[] = [];
  const pgMessages = fields["database.hostname"] ?? [];
  if (pgMessages.length && config["database.hostname"]) {
    const host = config["database.hostname"];
    const port = config["database.port"] ?? "5432";
    const tried = `${host}:${port}`;
    const labPg = `${lab.pgHost}:${lab.pgPort}`;
    const isLab = host === lab.pgHost && Number(port) === lab.pgPort;
    if (pgMessages.some((m) => CONNECT_FAILED.test(m))) {
      const code: HintCode = isDockerServiceName(host) ? "docker_service" : Number(port) !== lab.pgPort ? "wrong_port" : "unreachable";
      hints.push({ key: "database.hostname", code, params: { tried, lab: labPg } });
    } else if (!isLab && pgMessages.some((m) => OTHER_SERVER.test(m))) {
      hints.push({ key: "database.hostname", code: "other_server", params: { tried, lab: labPg } });
    }
  }
  for (const key of ["store.url", "s3.endpoint"]) {
    const url = config[key];
    const host = url ? urlHost(url) : null;
    if (url && host && (fields[key] ?? []).length && isDockerServiceName(host)) hints.push({ key, code: "docker_service", params: { tried: url, lab: lab.s3Endpoint } });
  }
  return hints;
}
