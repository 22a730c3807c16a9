// What the Kafka benches share: `--name value` arguments and the lab's brokers.
import { readLabEndpoints } from "../../lib/config-core";

/** The value after `--name` on the command line, or the fallback. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** KAFKA_BROKERS, else what `lab:up` wrote, else the lab's default. */
export function labBrokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? readLabEndpoints().KAFKA_BROKERS ?? "127.0.0.1:9092").split(",");
}
