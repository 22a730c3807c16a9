// Each checklist item's evidence as sentences in the reader's language: the panel shows them and the downloaded
// report writes them. Pure (the translate function and the locale come from the caller).
import type { MessageKey, Translate } from "@/i18n/format";
import { formatDateTime, formatNumber, formatPercent } from "@/components/ui/format";
import type { ChecklistCause, ChecklistItem, ChecklistReport, Evidence, EvidenceValue } from "@/lib/pipeline/shared/checklist";

type Row = Record<string, EvidenceValue>;
const rows = (v: EvidenceValue | undefined): Row[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === "object" && !Array.isArray(x)) as Row[]) : []);
const str = (v: EvidenceValue | undefined): string => (v === null || v === undefined ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v));
const num = (v: EvidenceValue | undefined): number => (typeof v === "number" ? v : 0);

const SERVICE_NAMES: Record<string, MessageKey> = {
  postgresOltp: "health.services.postgresOltp",
  postgresDw: "health.services.postgresDw",
  kafka: "health.services.kafka",
  connect: "health.services.connect",
  s3: "health.services.s3",
};

/** The item's title and description, with the targets it was checked against. */
export function itemTexts(item: ChecklistItem, report: ChecklistReport, t: Translate): { title: string; description: string } {
  const vars = { buckets: report.targets.buckets.join(", "), database: report.targets.database, minutes: report.targets.windowMinutes };
  return { title: t(`checklist.items.${item.id}.title`, vars), description: t(`checklist.items.${item.id}.description`, vars) };
}

export function causeText(cause: ChecklistCause, t: Translate, locale: string): string {
  const params: Record<string, string | number> = { ...cause.params };
  if (typeof params.kind === "string" && (params.kind === "historical" || params.kind === "streaming")) params.kind = t(`checklist.kinds.${params.kind}`);
  if (typeof params.at === "string") params.at = formatDateTime(locale, params.at);
  return t(`checklist.causes.${cause.code}`, params);
}

export function evidenceLines(item: ChecklistItem, t: Translate, locale: string): string[] {
  const e: Evidence = item.evidence;
  const n = (v: EvidenceValue | undefined) => formatNumber(locale, num(v));
  const time = (v: EvidenceValue | undefined) => (typeof v === "string" ? formatDateTime(locale, v) : "—");
  switch (item.id) {
    case "stack":
      return rows(e.services).map((s) => {
        const service = SERVICE_NAMES[str(s.id)] ? t(SERVICE_NAMES[str(s.id)]) : str(s.id);
        return s.up ? t("checklist.evidence.service", { service, state: t("checklist.evidence.up"), ms: n(s.latencyMs) }) : t("checklist.evidence.serviceDown", { service });
      });
    case "buckets": {
      const lines = rows(e.buckets).map((b) =>
        t("checklist.evidence.bucket", {
          bucket: str(b.name),
          exists: t(b.exists ? "checklist.evidence.exists" : "checklist.evidence.absent"),
          public: b.public === true ? t("checklist.evidence.yes") : b.public === false ? t("checklist.evidence.no") : t("checklist.evidence.unknownPublic"),
        }),
      );
      if (e.policies === "unsupported") lines.push(t("checklist.evidence.policiesUnsupported"));
      return lines;
    }
    case "historical":
      if (e.historicalOrders === undefined) return [];
      return [
        t("checklist.evidence.historical", { count: n(e.historicalOrders), database: str(e.database), first: time(e.firstSale), last: time(e.lastSale) }),
        t("checklist.evidence.historicalRule", { hours: 12 }),
      ];
    case "connector": {
      if (!e.connector) return [];
      const lines = [
        t("checklist.evidence.connector", { name: str(e.connector), state: str(e.state), slot: str(e.slot), publication: str(e.publication), prefix: str(e.topicPrefix) }),
        t("checklist.evidence.tasks", { tasks: rows(e.tasks).map((x) => `${str(x.id)}: ${str(x.state)}`).join(", ") || "—" }),
      ];
      const d = e.doctor;
      if (d && typeof d === "object" && !Array.isArray(d)) lines.push(t("checklist.evidence.doctor", { passed: n(d.passed), errors: n(d.errors), warnings: n(d.warnings) }));
      else if (typeof d === "string") lines.push(t("checklist.evidence.doctorSkipped"));
      lines.push(t("checklist.evidence.rule", { rule: str(e.rule) }));
      return lines;
    }
    case "topic":
      return rows(e.topics).map((x) => {
        const base = t("checklist.evidence.topic", { topic: str(x.topic), total: n(x.endOffset), recent: n(x.eventsInWindow), minutes: n(e.windowMinutes) });
        return x.latestAt ? `${base} · ${t("checklist.evidence.topicLatest", { time: time(x.latestAt) })}` : base;
      });
    case "sink":
      return rows(e.sinks).map((s) => {
        const base = t("checklist.evidence.sink", { sink: str(s.sink), state: str(s.state), bucket: str(s.bucket), prefix: str(s.prefix) });
        return `${base} · ${s.newestKey ? t("checklist.evidence.sinkObject", { key: str(s.newestKey), time: time(s.newestAt) }) : t("checklist.evidence.sinkNoObject")}`;
      });
    case "streaming": {
      const lines: string[] = [];
      if (e.streamingOrders !== undefined) lines.push(t("checklist.evidence.streaming", { count: n(e.streamingOrders), database: str(e.database), time: time(e.lastStreamingOrder) }));
      const r = e.consoleRun;
      if (r && typeof r === "object" && !Array.isArray(r)) lines.push(t("checklist.evidence.run", { status: str(r.status), orders: n(r.orders), time: time(r.startedAt) }));
      else if (e.streamingOrders !== undefined) lines.push(t("checklist.evidence.noRun"));
      return lines;
    }
    case "downstream": {
      const lines: string[] = [];
      if (e.layers === "unknown") lines.push(t("checklist.evidence.layerUnknown"));
      for (const l of rows(e.layers)) {
        if (!l.exists) lines.push(t("checklist.evidence.layerAbsent", { bucket: str(l.bucket) }));
        else lines.push(t(l.more ? "checklist.evidence.layerMore" : "checklist.evidence.layer", { bucket: str(l.bucket), count: n(l.objects) }));
      }
      if (e.tables === "unknown") lines.push(t("checklist.evidence.tablesUnknown"));
      for (const x of rows(e.tables)) lines.push(t("checklist.evidence.table", { table: `${str(e.warehouse)}.${str(x.table)}`, state: t(x.filled ? "checklist.evidence.filled" : "checklist.evidence.empty") }));
      return lines;
    }
    case "fraud": {
      const lines = rows(e.kinds).map((k) => {
        const kind = t(k.kind === "streaming" ? "checklist.kinds.streaming" : "checklist.kinds.historical");
        if (k.verdict === "too_few") return t("checklist.evidence.fraudTooFew", { kind, orders: n(k.orders), min: n(e.minOrders) });
        return t("checklist.evidence.fraudKind", {
          kind,
          flagged: n(k.flagged),
          orders: n(k.orders),
          share: formatPercent(locale, num(k.share)),
          expected: formatPercent(locale, num(k.expected)),
          low: formatPercent(locale, num(k.low)),
          high: formatPercent(locale, num(k.high)),
        });
      });
      if (lines.length && typeof e.measuredAt === "string") lines.push(t("checklist.evidence.fraudMeasured", { time: time(e.measuredAt) }));
      if (lines.length) lines.push(t("checklist.evidence.fraudRules", { cells: Array.isArray(e.cells) ? e.cells.map(str).join(", ") : "—" }));
      return lines;
    }
  }
}
