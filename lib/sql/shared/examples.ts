// The course's questions as ready-to-run queries, in pt-BR and en (browser-safe data, no I/O). Each names the
// tables it needs (a lake prefix, a copy of a source table) with the lab's defaults; the page lets the user change
// them, edit the text, and save their own copy.
import type { SqlTarget, TableBinding } from "./types";

export type ExampleLocale = "pt-BR" | "en";

export interface SqlExample {
  id: string;
  title: Record<ExampleLocale, string>;
  description: Record<ExampleLocale, string>;
  target: SqlTarget;
  tables: TableBinding[];
  sql: Record<ExampleLocale, string>;
}

/** The fraud rules' legitimate geohashes (SP, MG and RJ), as lib/generators/rows/rules.ts draws them. */
export const LEGIT_GEOHASHES_SQL = "'6gyf', '6gyc', '7h2y', '7h2z', '7h2w', '75cm', '75cn'";

const RAW = { kind: "lake", name: "raw_pessoas", bucket: "raw", prefix: "topics/liga_sudoers.public.pessoas/" } as const;
const RAW_FLAT = { ...RAW, debezium: true } as const;
const SRC = { kind: "pg", name: "pg_pessoas", database: "oltp", schema: "public", table: "pessoas" } as const;

/** Latest event per key with deletes applied: the table as the change log says it is now. */
function currentState(comment: string): string {
  return `-- ${comment}
ranked AS (
  SELECT *, row_number() OVER (
    PARTITION BY coalesce(after_id, before_id)
    ORDER BY source_lsn DESC NULLS LAST, ts_ms DESC) AS rn
  FROM raw_pessoas
), lake AS (
  SELECT after_id AS id, after_nome AS nome, after_sexo AS sexo, after_dt_nasc AS dt_nasc,
         after_created_at AS created_at, after_updated_at AS updated_at
  FROM ranked
  WHERE rn = 1 AND op <> 'd'
)`;
}

const DIFFERS = `l.nome IS DISTINCT FROM s.nome OR l.sexo IS DISTINCT FROM s.sexo OR l.dt_nasc IS DISTINCT FROM s.dt_nasc
       OR l.created_at IS DISTINCT FROM s.created_at OR l.updated_at IS DISTINCT FROM s.updated_at`;

function reconcileSummary(a: { lake: string; source: string; missingLake: string; missingSource: string; different: string; total: string; comment: string }): string {
  return `WITH ${currentState(a.comment)},
src AS (SELECT id, nome, sexo, dt_nasc, created_at, updated_at FROM pg_pessoas),
counts AS (
  SELECT
    (SELECT count(*) FROM lake) AS ${a.lake},
    (SELECT count(*) FROM src) AS ${a.source},
    (SELECT count(*) FROM src WHERE id NOT IN (SELECT id FROM lake)) AS ${a.missingLake},
    (SELECT count(*) FROM lake WHERE id NOT IN (SELECT id FROM src)) AS ${a.missingSource},
    (SELECT count(*) FROM lake l JOIN src s USING (id)
       WHERE ${DIFFERS}) AS ${a.different}
)
SELECT *, ${a.missingLake} + ${a.missingSource} + ${a.different} AS ${a.total} FROM counts`;
}

function reconcileRows(a: { kind: string; missingLake: string; missingSource: string; different: string; comment: string }): string {
  return `WITH ${currentState(a.comment)},
src AS (SELECT id, nome, sexo, dt_nasc, created_at, updated_at FROM pg_pessoas)
SELECT '${a.missingLake}' AS ${a.kind}, s.id, NULL AS lake_row, to_json(s) AS source_row
  FROM src s WHERE s.id NOT IN (SELECT id FROM lake)
UNION ALL
SELECT '${a.missingSource}', l.id, to_json(l), NULL
  FROM lake l WHERE l.id NOT IN (SELECT id FROM src)
UNION ALL
SELECT '${a.different}', l.id, to_json(l), to_json(s)
  FROM lake l JOIN src s USING (id)
  WHERE ${DIFFERS}
ORDER BY 2`;
}

function fraud(a: { orders: string; frauds: string; share: string; byGeohash: string; byDevice: string; c1: string; c2: string }): string {
  return `-- ${a.c1}
-- ${a.c2}
WITH compras AS (
  SELECT p.id, p.id_pessoa, a.dispositivo, a.geohash,
         first_value(a.dispositivo) OVER (PARTITION BY p.id_pessoa ORDER BY p.dt_venda, p.id) AS primeiro_dispositivo
  FROM pedidos p JOIN auditoria_pedidos a ON a.id_pedido = p.id
), marcadas AS (
  SELECT *,
         geohash NOT IN (${LEGIT_GEOHASHES_SQL}) AS fora_sp_mg_rj,
         dispositivo <> primeiro_dispositivo AS outro_dispositivo
  FROM compras
)
SELECT count(*) AS ${a.orders},
       count(*) FILTER (WHERE fora_sp_mg_rj OR outro_dispositivo) AS ${a.frauds},
       round(100.0 * count(*) FILTER (WHERE fora_sp_mg_rj OR outro_dispositivo) / nullif(count(*), 0), 2) AS ${a.share},
       count(*) FILTER (WHERE fora_sp_mg_rj) AS ${a.byGeohash},
       count(*) FILTER (WHERE outro_dispositivo) AS ${a.byDevice}
FROM marcadas`;
}

export const SQL_EXAMPLES: SqlExample[] = [
  {
    id: "raw-count",
    title: { "pt-BR": "Contagem dos objetos brutos do tópico", en: "Count of the topic's raw objects" },
    description: {
      "pt-BR": "Quantos eventos o sink gravou em raw/topics/liga_sudoers.public.pessoas/ (o \"count\" que o Spark mostraria).",
      en: "How many events the sink wrote under raw/topics/liga_sudoers.public.pessoas/ (the count Spark would show).",
    },
    target: "lake",
    tables: [RAW],
    sql: {
      "pt-BR": "SELECT count(*) AS eventos FROM raw_pessoas",
      en: "SELECT count(*) AS events FROM raw_pessoas",
    },
  },
  {
    id: "raw-schema",
    title: { "pt-BR": "Esquema dos objetos brutos do tópico", en: "Schema of the topic's raw objects" },
    description: {
      "pt-BR": "As colunas que o DuckDB inferiu dos JSON Lines: o envelope do Debezium (before, after, source, op, ts_ms).",
      en: "The columns DuckDB inferred from the JSON Lines: Debezium's envelope (before, after, source, op, ts_ms).",
    },
    target: "lake",
    tables: [RAW],
    sql: { "pt-BR": "DESCRIBE raw_pessoas", en: "DESCRIBE raw_pessoas" },
  },
  {
    id: "events-per-op-per-day",
    title: { "pt-BR": "Eventos por operação por dia", en: "Events per operation per day" },
    description: {
      "pt-BR": "op: c = insert, u = update, d = delete, r = snapshot; o dia vem do ts_ms do evento.",
      en: "op: c = insert, u = update, d = delete, r = snapshot; the day comes from the event's ts_ms.",
    },
    target: "lake",
    tables: [RAW_FLAT],
    sql: {
      "pt-BR": "SELECT CAST(event_time AS DATE) AS dia, op, count(*) AS eventos\nFROM raw_pessoas\nGROUP BY ALL\nORDER BY dia, op",
      en: "SELECT CAST(event_time AS DATE) AS day, op, count(*) AS events\nFROM raw_pessoas\nGROUP BY ALL\nORDER BY day, op",
    },
  },
  {
    id: "pessoas-current-state",
    title: { "pt-BR": "Estado atual de pessoas a partir do log", en: "Current state of pessoas from its change log" },
    description: {
      "pt-BR": "O último evento de cada id (pela LSN), sem os apagados: a tabela como o log de mudanças a descreve.",
      en: "Each id's latest event (by LSN), deletes applied: the table as its change log describes it.",
    },
    target: "lake",
    tables: [RAW_FLAT],
    sql: {
      "pt-BR": `WITH ${currentState("último evento por chave; deletes aplicados")}\nSELECT * FROM lake ORDER BY id`,
      en: `WITH ${currentState("latest event per key; deletes applied")}\nSELECT * FROM lake ORDER BY id`,
    },
  },
  {
    id: "pessoas-reconcile",
    title: { "pt-BR": "Conciliação: lago × tabela de origem", en: "Reconcile: lake × source table" },
    description: {
      "pt-BR": "Compara o estado reconstruído do log com public.pessoas (copiada do PostgreSQL, somente leitura). 0 diferenças = o pipeline não perdeu nada.",
      en: "Compares the state rebuilt from the log with public.pessoas (copied from PostgreSQL, read-only). 0 differences = the pipeline lost nothing.",
    },
    target: "lake",
    tables: [RAW_FLAT, SRC],
    sql: {
      "pt-BR": reconcileSummary({
        comment: "estado atual pelo log",
        lake: "linhas_lago",
        source: "linhas_origem",
        missingLake: "faltam_no_lago",
        missingSource: "faltam_na_origem",
        different: "diferentes",
        total: "diferencas",
      }),
      en: reconcileSummary({
        comment: "current state from the log",
        lake: "lake_rows",
        source: "source_rows",
        missingLake: "missing_in_lake",
        missingSource: "missing_in_source",
        different: "different",
        total: "differences",
      }),
    },
  },
  {
    id: "pessoas-reconcile-rows",
    title: { "pt-BR": "Conciliação: as linhas que diferem", en: "Reconcile: the rows that differ" },
    description: {
      "pt-BR": "Cada id que falta de um lado ou difere, com as duas versões.",
      en: "Every id missing on one side or differing, with both versions.",
    },
    target: "lake",
    tables: [RAW_FLAT, SRC],
    sql: {
      "pt-BR": reconcileRows({ comment: "estado atual pelo log", kind: "diferenca", missingLake: "falta_no_lago", missingSource: "falta_na_origem", different: "diferente" }),
      en: reconcileRows({ comment: "current state from the log", kind: "difference", missingLake: "missing_in_lake", missingSource: "missing_in_source", different: "different" }),
    },
  },
  {
    id: "fraud-share",
    title: { "pt-BR": "Percentual de fraude (as duas regras do curso)", en: "Fraud share (the course's two rules)" },
    description: {
      "pt-BR": "Geohash fora de SP, MG e RJ, ou dispositivo diferente do da primeira compra da pessoa. Esperado: ~1 % (histórico), ~5 % (streaming).",
      en: "Geohash outside SP, MG and RJ, or a device other than the one of the person's first purchase. Expected: ~1 % (historical), ~5 % (streaming).",
    },
    target: "oltp",
    tables: [],
    sql: {
      "pt-BR": fraud({
        c1: "regra 1: geohash fora de SP, MG e RJ",
        c2: "regra 2: dispositivo diferente do da primeira compra da pessoa",
        orders: "pedidos",
        frauds: "fraudes",
        share: "percentual",
        byGeohash: "por_geohash",
        byDevice: "por_dispositivo",
      }),
      en: fraud({
        c1: "rule 1: geohash outside SP, MG and RJ",
        c2: "rule 2: a device other than the one of the person's first purchase",
        orders: "orders",
        frauds: "frauds",
        share: "share_pct",
        byGeohash: "by_geohash",
        byDevice: "by_device",
      }),
    },
  },
  {
    id: "orders-per-category",
    title: { "pt-BR": "Pedidos por categoria", en: "Orders per category" },
    description: { "pt-BR": "Pedidos, itens e valor por categoria de produto (OLTP).", en: "Orders, items and value per product category (OLTP)." },
    target: "oltp",
    tables: [],
    sql: {
      "pt-BR": `SELECT c.descricao AS categoria, count(DISTINCT i.id_pedido) AS pedidos, sum(i.qtde) AS itens, sum(i.valor_total) AS valor
FROM itens_pedidos i
JOIN produtos pr ON pr.id = i.id_produto
JOIN categorias c ON c.id = pr.id_categoria
GROUP BY c.descricao
ORDER BY pedidos DESC`,
      en: `SELECT c.descricao AS category, count(DISTINCT i.id_pedido) AS orders, sum(i.qtde) AS items, sum(i.valor_total) AS value
FROM itens_pedidos i
JOIN produtos pr ON pr.id = i.id_produto
JOIN categorias c ON c.id = pr.id_categoria
GROUP BY c.descricao
ORDER BY orders DESC`,
    },
  },
];

export function exampleById(id: string): SqlExample | undefined {
  return SQL_EXAMPLES.find((e) => e.id === id);
}
