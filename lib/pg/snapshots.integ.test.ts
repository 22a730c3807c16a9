// Incremental snapshots on the lab's REAL Debezium: the offered fix prepares the signal table and notifications,
// a signal starts the snapshot, and the progress read from the notification topic ends COMPLETED with the row
// count. Everything is named database_snap_<run> / database-snap-<run> and removed.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as connect from "../connect/client";
import { config } from "../config";
import { withAdmin } from "../kafka/admin";
import { pool } from "./client";
import { getSnapshotSetup, prepareSnapshots, readSnapshotProgress, startIncrementalSnapshot } from "./snapshots";
import { debeziumConnection } from "../../test/debezium";
import { dropSlotWhenReleased, slotActive, until } from "../../test/until";

const RUN = Date.now().toString(36);
const TABLE = `database_snap_${RUN}`;
const SIGNAL = `database_snap_signal_${RUN}`;
const PUB = `database_snap_pub_${RUN}`;
const SLOT = `database_snap_slot_${RUN}`;
const NAME = `database-snap-${RUN}`;
const PREFIX = `database_snap_${RUN}`;
const cluster = connect.resolveCluster("0");
const { escapeIdentifier: id } = pg;
const sql = (text: string, values: unknown[] = []) => pool("oltp").query(text, values);


beforeAll(async () => {
  await sql(`CREATE TABLE public.${id(TABLE)} (id int PRIMARY KEY, nome text)`);
  await sql(`INSERT INTO public.${id(TABLE)} SELECT g, 'n' || g FROM generate_series(1, 37) g`);
  await sql(`CREATE PUBLICATION ${id(PUB)} FOR TABLE public.${id(TABLE)}`);
  await connect.putConnectorConfig(cluster, NAME, {
    ...debeziumConnection(config()),
    "table.include.list": `public.${TABLE}`,
    "topic.prefix": PREFIX,
    "slot.name": SLOT,
    "publication.name": PUB,
    "publication.autocreate.mode": "disabled",
    "snapshot.mode": "no_data",
    // Named for this run so the fix creates this table, not the default public.debezium_signal.
    "signal.data.collection": `public.${SIGNAL}`,
  });
  await slotActive(sql, SLOT, 90_000);
});

afterAll(async () => {
  await connect.deleteConnector(cluster, NAME).catch(() => undefined);
  await dropSlotWhenReleased(sql, SLOT);
  await sql(`DROP PUBLICATION IF EXISTS ${id(PUB)}`);
  await sql(`DROP TABLE IF EXISTS public.${id(TABLE)}, public.${id(SIGNAL)}`);
  await withAdmin("delete the test's topics", async (admin) => {
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(PREFIX));
    if (mine.length) await admin.deleteTopics({ topics: mine });
  }).catch(() => undefined);
});

describe("incremental snapshots", () => {
  it("says what is missing, and refuses to signal before the fix", async () => {
    const s = await getSnapshotSetup("0", NAME);
    expect(s.missing).toEqual(["signal_table", "signal_in_publication", "notifications_config"]);
    await expect(startIncrementalSnapshot("0", NAME, [{ schema: "public", table: TABLE }])).rejects.toMatchObject({ code: "snapshot_not_ready" });
  });

  it("the fix creates the signal table, publishes it and turns notifications on; a snapshot then completes with the row count", async () => {
    const { applied } = await prepareSnapshots("0", NAME);
    expect(applied[0]).toBe(`CREATE TABLE "public".${id(SIGNAL)} (id varchar(42) PRIMARY KEY, type varchar(32) NOT NULL, data varchar(2048) NULL)`);
    expect(applied[1]).toBe(`ALTER PUBLICATION ${id(PUB)} ADD TABLE "public".${id(SIGNAL)}`);
    expect(applied[2]).toBe(`notification.enabled.channels=sink, notification.sink.topic.name=${PREFIX}.debezium_notifications`);
    expect((await getSnapshotSetup("0", NAME)).missing).toEqual([]);
    // Connect restarts the connector with its new config.
    await until("the restarted task streaming with notifications on", async () => {
      const st = await connect.getConnectorStatus(cluster, NAME);
      return st.tasks[0]?.state === "RUNNING" && (await sql("SELECT active FROM pg_replication_slots WHERE slot_name = $1", [SLOT])).rows[0]?.active;
    }, 90_000);

    await expect(startIncrementalSnapshot("0", NAME, [{ schema: "public", table: `gone_${RUN}` }])).rejects.toMatchObject({ code: "table_not_found" });
    expect((await sql(`SELECT count(*)::int AS n FROM public.${id(SIGNAL)}`)).rows[0].n).toBe(0);

    const { signalId } = await startIncrementalSnapshot("0", NAME, [{ schema: "public", table: TABLE }]);
    const done = await until("the snapshot COMPLETED in the notifications", async () => {
      const p = await readSnapshotProgress("0", NAME);
      const s = p.snapshots.find((x) => x.id === signalId);
      return s?.state === "COMPLETED" ? s : null;
    }, 90_000);
    expect(done.collections).toEqual([`public.${TABLE}`]);
    expect(done.tables).toEqual([{ name: `public.${TABLE}`, rows: 37, status: "SUCCEEDED" }]);
  });
});
