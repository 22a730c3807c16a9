import "server-only";
import { Kafka, logLevel, type KafkaConfig } from "kafkajs";
import { config } from "../config";

let shared: Kafka | undefined;

function options(overrides: Partial<KafkaConfig> = {}): KafkaConfig {
  const c = config().kafka;
  return { clientId: c.clientId, brokers: c.brokers, logLevel: logLevel.NOTHING, ...overrides };
}

/** The console's kafkajs client (admin, producers and the tail hub's consumers hang off it). */
export function kafka(): Kafka {
  shared ??= new Kafka(options({ retry: { retries: 3, initialRetryTime: 200 } }));
  return shared;
}

/** A throwaway client with no retries, for probes that must fail fast (through `brokers`, default the configured). */
export function probeClient(timeoutMs: number, brokers?: string[]): Kafka {
  return new Kafka(options({ retry: { retries: 0 }, connectionTimeout: timeoutMs, requestTimeout: timeoutMs, ...(brokers ? { brokers } : {}) }));
}
