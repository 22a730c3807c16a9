// The evidence a student hands in: one self-contained Markdown file in the reader's language — the items, their
// evidence, the time, the console's URL and the lab's endpoints — with the report's JSON data at the end. Built from
// the API's answer, which carries no secret (lib/pipeline/checklist/evaluate.ts keeps hosts and ports only).
import type { Translate } from "@/i18n/format";
import { formatDateTime, formatPercent } from "@/components/ui/format";
import type { ChecklistReport } from "@/lib/pipeline/shared/checklist";
import { causeText, evidenceLines, itemTexts } from "./evidence-lines";

const ICON = { ok: "✅", missing: "❌", unknown: "⚪" } as const;

/** Markdown table cells: no line breaks, no unescaped pipes. */
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

export function evidenceMarkdown(report: ChecklistReport, t: Translate, locale: string, consoleUrl: string): string {
  const okCount = report.items.filter((i) => i.status === "ok").length;
  const abs = (link: string) => (link.startsWith("/") ? `${consoleUrl.replace(/\/+$/, "")}${link}` : link);
  const out: string[] = [];
  out.push(`# ${t("checklist.report.title")}`, "");
  out.push(`- **${t("checklist.report.generatedAt")}:** ${formatDateTime(locale, report.checkedAt)} (${report.checkedAt})`);
  out.push(`- **${t("checklist.report.console")}:** ${consoleUrl}`);
  out.push(`- **${t("checklist.report.summary")}:** ${t("checklist.summary", { ok: okCount, total: report.items.length })}`, "");
  out.push(`## ${t("checklist.report.lab")}`, "");
  out.push(`- PostgreSQL OLTP: ${report.lab.postgres}`);
  out.push(`- PostgreSQL DW: ${report.lab.warehouse}`);
  out.push(`- Kafka: ${report.lab.kafka.join(", ")}`);
  out.push(`- Kafka Connect: ${report.lab.connect.join(", ")}`);
  out.push(`- S3: ${report.lab.s3}`, "");
  out.push(`| # | ${t("checklist.report.item")} | ${t("checklist.report.status")} |`, "|---|---|---|");
  report.items.forEach((item, i) => out.push(`| ${i + 1} | ${cell(itemTexts(item, report, t).title)} | ${ICON[item.status]} ${t(`checklist.status.${item.status}`)} |`));
  out.push("");
  report.items.forEach((item, i) => {
    const { title, description } = itemTexts(item, report, t);
    out.push(`## ${i + 1}. ${title} — ${ICON[item.status]} ${t(`checklist.statusLong.${item.status}`)}`, "", description, "");
    const lines = evidenceLines(item, t, locale);
    if (lines.length) {
      out.push(`**${t("checklist.report.evidence")}:**`, "");
      for (const l of lines) out.push(`- ${l}`);
      out.push("");
    }
    if (item.cause) out.push(`**${t("checklist.report.cause")}:** ${causeText(item.cause, t, locale)}`, "");
    out.push(`**${t("checklist.report.link")}:** ${abs(item.link)}`, "");
  });
  const f = report.fraudTolerance;
  out.push(`## ${t("checklist.report.tolerance")}`, "");
  out.push(
    t("checklist.report.toleranceText", {
      hLow: formatPercent(locale, f.historical.low),
      hHigh: formatPercent(locale, f.historical.high),
      sLow: formatPercent(locale, f.streaming.low),
      sHigh: formatPercent(locale, f.streaming.high),
      min: f.minOrders,
    }),
    "",
  );
  out.push(`## ${t("checklist.report.data")}`, "", t("checklist.report.noSecrets"), "", "```json", JSON.stringify({ consoleUrl, ...report }, null, 2), "```", "");
  return out.join("\n");
}

/** A file name with the time, sortable: evidencias-2026-12-02T01-02-03Z.md */
export function evidenceFileName(report: ChecklistReport, prefix: string): string {
  return `${prefix}-${report.checkedAt.replace(/\.\d+Z$/, "Z").replace(/:/g, "-")}.md`;
}
