import "server-only";
import * as connect from "../connect/client";
import { clusters, redactionList } from "../connect/client";
import { isDebeziumPostgres } from "../connect/debezium-evidence";
import { templates } from "../connect/templates/templates";
import { config } from "../config";
import { AppError } from "../errors";
import { redactValues } from "../shared/secrets";
import type { DebeziumConnectorFacts } from "./doctor/shared/types";
import { databases } from "./session";

// The Debezium PostgreSQL connectors of every Kafka Connect cluster, reduced to what the Database area needs:
// which database, user, slot and publication each one uses, its plugin, and its task traces (secrets redacted).
// Two requests per cluster whatever the count (GET /connectors?expand=info and ?expand=status).

/** Debezium's own defaults (3.x) for the keys a beginner leaves unset. */
export const DEBEZIUM_DEFAULTS = {
  "slot.name": "debezium",
  "publication.name": "dbz_publication",
  "plugin.name": "decoderbufs",
  "publication.autocreate.mode": "all_tables",
  "database.port": "5432",
} as const;

/** Which configured database a connector reads: same database name and port, and a host that is ours. */
export function databaseOfConnector(cfg: Record<string, string>): string | null {
  const c = config().postgres;
  const port = String(cfg["database.port"] ?? DEBEZIUM_DEFAULTS["database.port"]);
  const host = cfg["database.hostname"] ?? "";
  for (const d of databases()) {
    const dbHost = d.kind === "dw" ? c.dwHost : c.host;
    const dbPort = String(d.kind === "dw" ? c.dwPort : c.port);
    const hosts = new Set([dbHost, c.hostForConnect, "localhost", "127.0.0.1", "::1"]);
    // In Docker, Connect reaches the server by service name on 5432 while the console uses a published port.
    const sameServer = hosts.has(host) ? port === dbPort : host === c.hostForConnect;
    if (cfg["database.dbname"] === d.name && sameServer) return d.id;
  }
  return null;
}

export function toConnectorFacts(cluster: string, name: string, cfg: Record<string, string>, status: connect.RawStatus | undefined | null): DebeziumConnectorFacts {
  const secrets = redactionList(cfg);
  const redact = (t: string | undefined) => (t ? redactValues(t, secrets) : null);
  const list = (k: string) => (cfg[k] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const hb = cfg["heartbeat.interval.ms"];
  return {
    cluster,
    name,
    registered: true,
    state: status?.connector.state ?? "UNASSIGNED",
    connectorTrace: redact(status?.connector.trace),
    tasks: (status?.tasks ?? []).map((t) => ({ id: t.id, state: t.state, trace: redact(t.trace) })),
    databaseId: databaseOfConnector(cfg),
    host: cfg["database.hostname"] ?? "",
    port: String(cfg["database.port"] ?? DEBEZIUM_DEFAULTS["database.port"]),
    dbname: cfg["database.dbname"] ?? "",
    user: cfg["database.user"] ?? "",
    slotName: cfg["slot.name"] || DEBEZIUM_DEFAULTS["slot.name"],
    publicationName: cfg["publication.name"] || DEBEZIUM_DEFAULTS["publication.name"],
    pluginName: cfg["plugin.name"] || null,
    autocreateMode: cfg["publication.autocreate.mode"] || DEBEZIUM_DEFAULTS["publication.autocreate.mode"],
    tableIncludeList: list("table.include.list"),
    tableExcludeList: list("table.exclude.list"),
    schemaIncludeList: list("schema.include.list"),
    schemaExcludeList: list("schema.exclude.list"),
    heartbeatIntervalMs: hb && Number.isFinite(Number(hb)) ? Number(hb) : 0,
    heartbeatActionQuery: cfg["heartbeat.action.query"] || null,
    signalDataCollection: cfg["signal.data.collection"] || null,
  };
}

export interface ConnectorsRead {
  connectors: DebeziumConnectorFacts[];
  /** Clusters that could not be read, with why (the doctor still runs the database's rules). */
  errors: { cluster: string; url: string; message: string }[];
}

/** Every Debezium PostgreSQL connector on every configured cluster. A cluster that fails does not hide the others. */
export async function readDebeziumConnectors(): Promise<ConnectorsRead> {
  const out: ConnectorsRead = { connectors: [], errors: [] };
  await Promise.all(
    clusters().map(async (cluster) => {
      try {
        const expanded = await connect.listConnectorsExpanded(cluster);
        for (const [name, v] of Object.entries(expanded)) {
          const cfg = v.info?.config ?? {};
          if (!isDebeziumPostgres(cfg["connector.class"] ?? "")) continue;
          out.connectors.push(toConnectorFacts(cluster.id, name, cfg, v.status));
        }
      } catch (e) {
        out.errors.push({ cluster: cluster.id, url: cluster.url, message: e instanceof AppError ? e.message : String(e) });
      }
    }),
  );
  out.connectors.sort((a, b) => a.cluster.localeCompare(b.cluster) || a.name.localeCompare(b.name));
  return out;
}

/**
 * The course's Debezium connector as the console's template would register it: the doctor checks it before it
 * exists, so a student can fix the database first and then register.
 */
export function plannedConnector(): DebeziumConnectorFacts {
  const t = templates().find((x) => x.id === "debezium-postgres")!;
  return { ...toConnectorFacts("0", t.name, t.config, null), registered: false, state: "NOT_REGISTERED" };
}
