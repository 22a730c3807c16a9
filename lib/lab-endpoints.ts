// The lab's defaults (ports, credentials, databases, buckets) and the endpoints file `npm run lab:up` writes
// (.lab/endpoints.json): one source for the lab scripts (lab/), which write it, and the console's configuration
// (lib/config-core.ts), which reads it. Pure: no I/O, no "server-only" (node scripts import it too).
import { z } from "zod";

export const LAB_DEFAULTS = {
  host: "127.0.0.1",
  ports: { postgres: 55432, kafka: 9092, kafkaController: 9093, connect: 8083, s3: 9000 },
  postgres: {
    user: "sudoers",
    password: "sudoers",
    oltpDatabase: "liga_sudoers",
    dwDatabase: "liga_sudoers_dw",
    consoleDatabase: "lab_console",
  },
  s3: { region: "us-east-1", accessKey: "sudoers123", secretKey: "sudoers1234", buckets: ["raw", "trusted", "refined"] },
} as const;

/**
 * The cluster profile (LAB_PROFILE=cluster): 3 Kafka brokers and 2 Connect workers on ports of their own, so that
 * it can run beside a single-node lab. Broker n (from 0) listens on kafka + 2n (its controller on
 * kafkaController + 2n), worker n on connect + n.
 */
export const LAB_CLUSTER = {
  brokers: 3,
  workers: 2,
  ports: { postgres: 55442, kafka: 19092, kafkaController: 19192, connect: 18083, s3: 19000 },
} as const;

/** What lab:up writes: each key becomes the default of the console's variable of the same name. */
export const labEndpointsFileSchema = z.object({
  PG_PORT: z.coerce.string(),
  KAFKA_BROKERS: z.string(),
  CONNECT_URLS: z.string(),
  S3_ENDPOINT: z.string(),
});

/** What the console accepts when reading it: any subset (a file from an older lab, say). */
export const labEndpointsSchema = labEndpointsFileSchema.partial();
export type LabEndpoints = z.infer<typeof labEndpointsSchema>;

/** The file's text, checked against the schema the console reads it with. */
export function serializeLabEndpoints(endpoints: z.input<typeof labEndpointsFileSchema>): string {
  return `${JSON.stringify(labEndpointsFileSchema.parse(endpoints), null, 2)}\n`;
}

/**
 * CONNECT_URLS separates Connect clusters with "," and the workers of one cluster with "|": the lab's workers
 * form one group, so they are one cluster of several workers (the console lists its connectors once, fails over
 * between the workers, and counts the workers that answer).
 */
export const CONNECT_WORKER_SEPARATOR = "|";

export function labEndpointsFor(host: string, ports: { postgres: number; kafka: number[]; connect: number[]; s3: number }): z.infer<typeof labEndpointsFileSchema> {
  return {
    PG_PORT: String(ports.postgres),
    KAFKA_BROKERS: ports.kafka.map((p) => `${host}:${p}`).join(","),
    CONNECT_URLS: ports.connect.map((p) => `http://${host}:${p}`).join(CONNECT_WORKER_SEPARATOR),
    S3_ENDPOINT: `http://${host}:${ports.s3}`,
  };
}
