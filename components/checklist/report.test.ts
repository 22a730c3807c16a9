import { describe, expect, it } from "vitest";
import { formatMessage } from "@/i18n/format";
import { getMessages } from "@/i18n";
import type { ChecklistReport } from "@/lib/pipeline/shared/checklist";
import { evidenceFileName, evidenceMarkdown } from "./report";

const report: ChecklistReport = {
  checkedAt: "2026-12-02T01:02:03.456Z",
  targets: { database: "liga_sudoers", warehouseDatabase: "liga_sudoers_dw", buckets: ["raw", "trusted", "refined"], layerBuckets: ["trusted"], connector: null, windowMinutes: 15 },
  items: [
    { id: "historical", status: "ok", evidence: { database: "liga_sudoers", historicalOrders: 1200, firstSale: "2026-06-05T00:00:00.000Z", lastSale: "2026-12-01T00:00:00.000Z" }, cause: null, link: "/generators", durationMs: 3 },
    { id: "sink", status: "missing", evidence: { sinks: [] }, cause: { code: "no_sink", params: { topics: "liga_sudoers.public.pessoas" } }, link: "/connectors/register", durationMs: 2 },
    {
      id: "fraud",
      status: "ok",
      evidence: { cells: ["6gyc"], minOrders: 200, kinds: [{ kind: "historical", orders: 1000, flagged: 9, share: 0.009, expected: 0.01, low: 0.005, high: 0.02, verdict: "near" }] },
      cause: null,
      link: "/sql",
      durationMs: 5,
    },
  ],
  lab: { postgres: "127.0.0.1:55432/liga_sudoers", warehouse: "127.0.0.1:55432/liga_sudoers_dw", kafka: ["127.0.0.1:9092"], connect: ["http://127.0.0.1:8083"], s3: "http://127.0.0.1:9000" },
  fraudTolerance: { historical: { expected: 0.01, low: 0.005, high: 0.02 }, streaming: { expected: 0.05, low: 0.025, high: 0.1 }, minOrders: 200 },
  durationMs: 10,
};

describe("the evidence report", () => {
  it("writes the items, their evidence, causes and links in Portuguese, with the data as JSON", () => {
    const messages = getMessages("pt-BR");
    const md = evidenceMarkdown(report, (k, v) => formatMessage(messages, k, v), "pt-BR", "http://127.0.0.1:3000");
    expect(md).toContain("# Evidências do curso — Liga Sudoers");
    expect(md).toContain("## 1. Carregar os dados históricos — ✅ evidência encontrada");
    expect(md).toContain("1.200 pedidos históricos em liga_sudoers");
    expect(md).toContain("Nenhum conector sink lê liga_sudoers.public.pessoas. Registre o sink S3.");
    expect(md).toContain("http://127.0.0.1:3000/connectors/register");
    expect(md).toContain("Pedidos históricos: 9 de 1.000 = 0,9 %");
    expect(md).toContain("- Kafka: 127.0.0.1:9092");
    const json = md.slice(md.indexOf("```json") + 7, md.lastIndexOf("```"));
    expect(JSON.parse(json)).toMatchObject({ consoleUrl: "http://127.0.0.1:3000", checkedAt: report.checkedAt, items: [{ id: "historical" }, { id: "sink" }, { id: "fraud" }] });
    expect(evidenceFileName(report, "evidencias")).toBe("evidencias-2026-12-02T01-02-03Z.md");
  });

  it("speaks English to an English reader", () => {
    const messages = getMessages("en");
    const md = evidenceMarkdown(report, (k, v) => formatMessage(messages, k, v), "en", "http://x");
    expect(md).toContain("## 2. The sink wrote to the lake — ❌ evidence missing");
    expect(md).toContain("1,200 historical orders");
  });
});
