// Catalog group "audit" in both languages; pt-BR is the source of truth, en must have the same keys.
export const auditPtBR = {
  title: "Auditoria",
  intro: "Cada mudança feita pelo console — permitida, com erro ou recusada — com quem, de onde, quando e quanto tempo levou. Senhas aparecem mascaradas.",
  filters: { action: "Ação começa com", target: "Alvo contém", outcome: "Resultado", any: "qualquer", from: "De", to: "Até", apply: "Filtrar", clear: "Limpar" },
  outcomes: { ok: "ok", error: "erro", refused: "recusada" },
  columns: { at: "Quando", actor: "Quem", role: "Papel", client: "Endereço", action: "Ação", target: "Alvo", outcome: "Resultado", duration: "Duração", details: "Parâmetros / erro" },
  empty: "Nenhuma entrada com esses filtros.",
  newer: "← Mais recentes",
  older: "Mais antigas →",
  retention: "Entradas com mais de {days} dias são apagadas (AUDIT_RETENTION_DAYS).",
};

export const auditEn: typeof auditPtBR = {
  title: "Audit log",
  intro: "Every change made through the console — allowed, failed or refused — with who, from where, when and how long it took. Passwords appear masked.",
  filters: { action: "Action starts with", target: "Target contains", outcome: "Outcome", any: "any", from: "From", to: "To", apply: "Filter", clear: "Clear" },
  outcomes: { ok: "ok", error: "error", refused: "refused" },
  columns: { at: "When", actor: "Who", role: "Role", client: "Address", action: "Action", target: "Target", outcome: "Outcome", duration: "Duration", details: "Parameters / error" },
  empty: "No entries match these filters.",
  newer: "← Newer",
  older: "Older →",
  retention: "Entries older than {days} days are deleted (AUDIT_RETENTION_DAYS).",
};
