// The doctor's rules over hand-made facts (pure: no database). Each test breaks one thing in an otherwise
// healthy lab and checks the rule that must notice it, its evidence and its fix.
import { describe, expect, it } from "vitest";
import { evaluate, formatBytes } from "./rules";
import { capturedTables } from "./filters";
import { DEFAULT_DOCTOR_OPTIONS, type DebeziumConnectorFacts, type DoctorFacts, type RuleId } from "./shared/types";

const connector = (over: Partial<DebeziumConnectorFacts> = {}): DebeziumConnectorFacts => ({
  cluster: "0",
  name: "postgres-connector-pessoas",
  registered: true,
  state: "RUNNING",
  connectorTrace: null,
  tasks: [{ id: 0, state: "RUNNING", trace: null }],
  databaseId: "oltp",
  host: "127.0.0.1",
  port: "55432",
  dbname: "liga_sudoers",
  user: "debezium",
  slotName: "debezium_slot",
  publicationName: "pessoas_pub",
  pluginName: "pgoutput",
  autocreateMode: "filtered",
  tableIncludeList: ["public.pessoas"],
  tableExcludeList: [],
  schemaIncludeList: [],
  schemaExcludeList: [],
  heartbeatIntervalMs: 0,
  heartbeatActionQuery: null,
  signalDataCollection: null,
  ...over,
});

/** The lab as the course leaves it: everything right. */
function healthy(): DoctorFacts {
  return {
    database: { id: "oltp", name: "liga_sudoers" },
    now: Date.parse("2026-12-01T12:00:00Z"),
    settings: { walLevel: "logical", maxReplicationSlots: 10, maxWalSenders: 10, maxSlotWalKeepSize: "-1", walSenderTimeout: "60s", usedSlots: 1, activeWalSenders: 1 },
    slots: [{ name: "debezium_slot", plugin: "pgoutput", type: "logical", database: "liga_sudoers", active: true, activePid: 4242, restartLsn: "0/1000", confirmedFlushLsn: "0/1100", retainedWalBytes: 4096, walStatus: "reserved", safeWalSizeBytes: null, unchangedSince: null }],
    publications: [{ name: "pessoas_pub", allTables: false, insert: true, update: true, delete: true, tables: ["public.pessoas"] }],
    tables: [
      { schema: "public", name: "pessoas", primaryKey: ["id"], replicaIdentity: "full", owner: "sudoers" },
      { schema: "public", name: "pedidos", primaryKey: ["id"], replicaIdentity: "default", owner: "sudoers" },
    ],
    roles: [{ name: "debezium", exists: true, login: true, replication: true, superuser: false, createOnDatabase: false, cannotSelect: [], doesNotOwn: ["public.pessoas"] }],
    connectors: [connector()],
    connectErrors: [],
    options: { ...DEFAULT_DOCTOR_OPTIONS },
  };
}

const failing = (f: DoctorFacts) => evaluate(f).filter((r) => r.status === "fail");
const only = (f: DoctorFacts, id: RuleId) => {
  const fails = failing(f);
  expect(fails.map((r) => r.id)).toEqual([id]);
  return fails[0].findings;
};

describe("the doctor's rules", () => {
  it("a healthy lab passes every rule that applies", () => {
    const results = evaluate(healthy());
    expect(results.filter((r) => r.status === "fail")).toEqual([]);
    expect(results.filter((r) => r.status === "pass").length).toBeGreaterThan(10);
  });

  it("wal_level below logical: error, with SHOW wal_level as evidence and no button (it needs a restart)", () => {
    const f = healthy();
    f.settings.walLevel = "replica";
    const [x] = only(f, "wal_level");
    expect(x.severity).toBe("error");
    expect(x.evidence).toEqual([{ source: "SHOW wal_level", value: "replica" }]);
    expect(x.action).toBeNull();
    expect(x.fix).toMatch(/lab\/lab\.ts/);
    expect(x.fix).toMatch(/docker\/compose\.yml/);
  });

  it("no free slot for a connector whose slot does not exist yet", () => {
    const f = healthy();
    f.slots = [];
    f.settings.usedSlots = 10;
    const [x] = only(f, "slot_headroom");
    expect(x.severity).toBe("error");
    expect(x.params).toMatchObject({ used: 10, max: 10, needed: 1 });
  });

  it("no free WAL sender for a connector that is not streaming", () => {
    const f = healthy();
    f.slots[0].active = false;
    f.settings.activeWalSenders = 10;
    expect(failing(f).map((r) => r.id)).toContain("wal_sender_headroom");
  });

  it("the connector's role lacks REPLICATION / LOGIN / does not exist", () => {
    let f = healthy();
    f.roles[0].replication = false;
    expect(only(f, "role_replication")[0].params).toMatchObject({ user: "debezium", connector: "postgres-connector-pessoas" });
    f = healthy();
    f.roles[0].login = false;
    expect(only(f, "role_login")).toHaveLength(1);
    f = healthy();
    f.roles[0] = { ...f.roles[0], exists: false, login: false, replication: false };
    expect(only(f, "role_login")[0].evidence[0].value).toMatch(/does not exist/);
  });

  it("no SELECT on a captured table → GRANT SELECT fix on exactly that table", () => {
    const f = healthy();
    f.roles[0].cannotSelect = ["public.pessoas"];
    const [x] = only(f, "role_select");
    expect(x.action).toEqual({ type: "grant_select", database: "oltp", role: "debezium", schema: "public", table: "pessoas" });
  });

  it("publication missing with autocreate disabled → create it for the captured tables", () => {
    const f = healthy();
    f.publications = [];
    f.connectors = [connector({ autocreateMode: "disabled" })];
    const [x] = only(f, "publication_missing");
    expect(x.action).toEqual({ type: "create_publication", database: "oltp", publication: "pessoas_pub", tables: [{ schema: "public", table: "pessoas" }] });
  });

  it("publication missing and the role cannot create it (all_tables without superuser; filtered without ownership)", () => {
    let f = healthy();
    f.publications = [];
    f.connectors = [connector({ autocreateMode: "all_tables" })];
    expect(only(f, "publication_autocreate")[0].params).toMatchObject({ mode: "all_tables", user: "debezium" });
    f = healthy();
    f.publications = [];
    expect(only(f, "publication_autocreate")[0].action?.type).toBe("create_publication");
    // A superuser gets its publication created by Debezium: nothing to report.
    f.roles[0].superuser = true;
    expect(failing(f)).toEqual([]);
  });

  it("a captured table missing from the publication → add it", () => {
    const f = healthy();
    f.connectors = [connector({ tableIncludeList: ["public.pessoas", "public.pedidos"] })];
    f.tables[1].replicaIdentity = "full";
    const [x] = only(f, "publication_missing_table");
    expect(x.action).toEqual({ type: "add_table_to_publication", database: "oltp", publication: "pessoas_pub", schema: "public", table: "pedidos" });
  });

  it("a table.include.list entry that matches nothing", () => {
    const f = healthy();
    f.connectors = [connector({ tableIncludeList: ["public.pessoas", "public.pessaos"] })];
    expect(only(f, "include_list_unmatched")[0].params.pattern).toBe("public.pessaos");
  });

  it("a captured table without primary key → error with REPLICA IDENTITY FULL fix; with a key and DEFAULT → warning", () => {
    let f = healthy();
    f.tables[0] = { ...f.tables[0], primaryKey: [], replicaIdentity: "default" };
    const [x] = only(f, "table_no_primary_key");
    expect(x.severity).toBe("error");
    expect(x.action).toEqual({ type: "replica_identity_full", database: "oltp", schema: "public", table: "pessoas" });
    f = healthy();
    f.tables[0].replicaIdentity = "default";
    const [y] = only(f, "table_replica_identity");
    expect(y.severity).toBe("warning");
  });

  it("an inactive orphaned slot: warning with a drop fix; over the threshold: error", () => {
    const f = healthy();
    f.slots.push({ name: "old_slot", plugin: "pgoutput", type: "logical", database: "liga_sudoers", active: false, activePid: null, restartLsn: "0/10", confirmedFlushLsn: "0/10", retainedWalBytes: 3 * 1024 ** 3, walStatus: "extended", safeWalSizeBytes: null, unchangedSince: null });
    const [x] = only(f, "slot_inactive_retaining");
    expect(x.severity).toBe("error");
    expect(x.params.retained).toBe("3.0 GB");
    expect(x.action).toEqual({ type: "drop_slot", database: "oltp", slot: "old_slot" });
    f.slots[1].retainedWalBytes = 1000;
    expect(only(f, "slot_inactive_retaining")[0].severity).toBe("warning");
  });

  it("an inactive slot a registered connector uses is not offered for dropping", () => {
    const f = healthy();
    f.slots[0] = { ...f.slots[0], active: false, retainedWalBytes: 2 * 1024 ** 3 };
    f.connectors[0].state = "PAUSED";
    const [x] = only(f, "slot_inactive_retaining");
    expect(x.action).toBeNull();
    expect(x.params.users).toMatch(/postgres-connector-pessoas: PAUSED/);
  });

  it("a lost slot", () => {
    const f = healthy();
    f.slots[0] = { ...f.slots[0], active: false, walStatus: "lost" };
    f.connectors[0].state = "PAUSED";
    expect(only(f, "slot_lost")[0].action?.type).toBe("drop_slot");
  });

  it("plugin.name unset or decoderbufs → set pgoutput", () => {
    const f = healthy();
    f.connectors = [connector({ pluginName: null })];
    const [x] = only(f, "plugin_decoderbufs");
    expect(x.params.plugin).toMatch(/decoderbufs/);
    expect(x.action).toEqual({ type: "set_plugin_pgoutput", cluster: "0", connector: "postgres-connector-pessoas" });
  });

  it("two connectors on one slot", () => {
    const f = healthy();
    f.connectors.push(connector({ name: "second" }));
    const [x] = only(f, "slot_shared");
    expect(x.params.connectors).toBe("postgres-connector-pessoas, second");
    expect(x.evidence).toHaveLength(2);
  });

  it("a RUNNING connector's slot unchanged past the threshold → add heartbeat", () => {
    const f = healthy();
    f.slots[0].unchangedSince = f.now - 15 * 60_000;
    const [x] = only(f, "slot_stalled");
    expect(x.params.minutes).toBe(15);
    expect(x.action).toEqual({ type: "add_heartbeat", cluster: "0", connector: "postgres-connector-pessoas" });
    f.slots[0].unchangedSince = f.now - 2 * 60_000;
    expect(failing(f)).toEqual([]);
  });

  it("a FAILED task's trace is mapped to its cause with the fix the facts allow", () => {
    const f = healthy();
    f.connectors[0].tasks = [{ id: 0, state: "FAILED", trace: "org.apache.kafka.connect.errors.ConnectException: x\nCaused by: org.postgresql.util.PSQLException: ERROR: permission denied for table pessoas\n\tat y" }];
    const [x] = only(f, "task_failed");
    expect(x.cause).toBe("select_denied");
    expect(x.evidence[0].value).toBe("Caused by: org.postgresql.util.PSQLException: ERROR: permission denied for table pessoas");
    expect(x.action).toEqual({ type: "grant_select", database: "oltp", role: "debezium", schema: "public", table: "pessoas" });
    expect(x.title).toBe("postgres-connector-pessoas: permission denied for table pessoas");
  });

  it("rules about connectors are skipped when there is none; Connect unreachable is reported", () => {
    const f = healthy();
    f.connectors = [];
    f.connectErrors = [{ cluster: "0", url: "http://127.0.0.1:8083", message: "refused" }];
    const results = evaluate(f);
    expect(results.find((r) => r.id === "role_select")?.status).toBe("skip");
    expect(results.find((r) => r.id === "connect_unreachable")?.findings[0].params.url).toBe("http://127.0.0.1:8083");
  });

  it("every finding carries English texts with its params filled in", () => {
    const f = healthy();
    f.settings.walLevel = "minimal";
    const x = evaluate(f).find((r) => r.id === "wal_level")!.findings[0];
    expect(x.title).toBe("wal_level is minimal, not logical");
    expect(x.explanation).not.toMatch(/\{\w+\}/);
  });
});

describe("capturedTables follows Debezium's include/exclude semantics", () => {
  const tables = [
    { schema: "public", name: "pessoas" },
    { schema: "public", name: "pedidos" },
    { schema: "dw", name: "dim_pessoas" },
    { schema: "odd schema", name: 'we"ird' },
  ];
  it("regexes, whole-name, case-insensitive", () => {
    expect(capturedTables({ tableIncludeList: ["public.p.*"], tableExcludeList: [], schemaIncludeList: [], schemaExcludeList: [] }, tables).map((t) => t.name)).toEqual(["pessoas", "pedidos"]);
    expect(capturedTables({ tableIncludeList: ["PUBLIC.PESSOAS"], tableExcludeList: [], schemaIncludeList: [], schemaExcludeList: [] }, tables)).toHaveLength(1);
    expect(capturedTables({ tableIncludeList: ["pessoas"], tableExcludeList: [], schemaIncludeList: [], schemaExcludeList: [] }, tables)).toHaveLength(0);
  });
  it("no include list: everything but the excluded", () => {
    expect(capturedTables({ tableIncludeList: [], tableExcludeList: ["public.pedidos"], schemaIncludeList: [], schemaExcludeList: ["dw"] }, tables).map((t) => t.name)).toEqual(["pessoas", 'we"ird']);
  });
});

it("formatBytes", () => {
  expect(formatBytes(512)).toBe("512 B");
  expect(formatBytes(1536)).toBe("1.5 kB");
  expect(formatBytes(null)).toBe("?");
});
