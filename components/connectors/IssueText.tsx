"use client";

import { useT } from "@/components/i18n/I18nProvider";
import type { DraftIssueCode } from "@/lib/connect/shared/draft";

/** A local check's result in the reader's language (the server sends the same checks in English). */
export function IssueText({ code, field }: { code: DraftIssueCode; field?: string }) {
  const t = useT();
  const text = t(`connectors.issues.${code.replace(".", "_") as IssueKey}`);
  return <>{field ? `${field}: ${text}` : text}</>;
}

type IssueKey =
  | "name_empty"
  | "name_whitespace"
  | "name_slash"
  | "name_unsafe"
  | "name_control"
  | "name_dots"
  | "name_tooLong"
  | "name_mismatch"
  | "class_missing"
  | "topics_missing"
  | "key_empty";
