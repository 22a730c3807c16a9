import "server-only";
import { readDebeziumConnectors } from "./debezium-connectors";
import { readPublications, readSlots } from "./doctor/gather";
import { readOnly, resolveDatabase } from "./session";
import { USER_SCHEMAS } from "./catalog";
import type { ReplicationOverview, RoleInfo, ServerSetting } from "./shared/types";

// The Replication tab: server settings with what is in use, publications, slots (with the connector that uses
// each, from Kafka Connect's configs), and roles with what they may read. Five queries, READ ONLY.

const SETTINGS = ["wal_level", "max_replication_slots", "max_wal_senders", "max_slot_wal_keep_size", "wal_sender_timeout"];

const ROLES_SQL = `
SELECT r.rolname AS name, r.rolcanlogin AS login, r.rolreplication AS replication, r.rolsuper AS superuser,
       CASE WHEN r.rolsuper THEN NULL ELSE ARRAY(
         SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p') AND ${USER_SCHEMAS} AND has_table_privilege(r.oid, c.oid, 'SELECT')
          ORDER BY 1) END AS tables
  FROM pg_roles r
 WHERE r.rolname !~ '^pg_' AND (r.rolcanlogin OR r.rolreplication)
 ORDER BY r.rolname`;

export async function getReplicationOverview(databaseId: string): Promise<ReplicationOverview> {
  const database = resolveDatabase(databaseId);
  const [connectors, data] = await Promise.all([
    readDebeziumConnectors(),
    readOnly(database.role, `Reading replication state of ${database.name}`, async (c) => {
      const settings = await c.query<{ name: string; setting: string; unit: string | null; context: string }>(
        "SELECT name, setting, unit, context FROM pg_settings WHERE name = ANY($1) ORDER BY array_position($1, name)",
        [SETTINGS],
      );
      const usage = (
        await c.query<{ slots: number; senders: number }>(
          "SELECT (SELECT count(*)::int FROM pg_replication_slots) AS slots, (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'walsender') AS senders",
        )
      ).rows[0];
      const slots = await readSlots(c);
      const publications = await readPublications(c);
      const roles = await c.query<{ name: string; login: boolean; replication: boolean; superuser: boolean; tables: string[] | null }>(ROLES_SQL);
      return { settings: settings.rows, usage, slots, publications, roles: roles.rows };
    }),
  ]);
  const settings: ServerSetting[] = data.settings.map((s) => ({
    name: s.name,
    value: s.setting,
    unit: s.unit,
    context: s.context,
    inUse: s.name === "max_replication_slots" ? data.usage.slots : s.name === "max_wal_senders" ? data.usage.senders : null,
  }));
  const onThisDb = connectors.connectors.filter((c) => c.registered && c.databaseId === database.id);
  return {
    database: { id: database.id, name: database.name, endpoint: database.endpoint, kind: database.kind },
    settings,
    publications: data.publications,
    slots: data.slots.map((s) => ({
      ...s,
      connectors: onThisDb.filter((c) => c.slotName === s.name && (s.database === null || s.database === c.dbname)).map((c) => ({ cluster: c.cluster, name: c.name, state: c.state })),
    })),
    roles: data.roles.map((r): RoleInfo => ({ name: r.name, login: r.login, replication: r.replication, superuser: r.superuser, selectableTables: r.tables })),
    connectNote: connectors.errors.length ? connectors.errors.map((e) => `${e.url}: ${e.message}`).join("; ") : null,
    fetchedAt: new Date().toISOString(),
  };
}
