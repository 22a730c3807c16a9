"use client";

import { useT } from "@/components/i18n/I18nProvider";
import type { ChangeOp } from "@/lib/debezium/shared/types";
import { OP_CLASS } from "./format";

/** Debezium's operation letter on its colour, with the operation's name for screen readers and tooltips. */
export function OpBadge({ op }: { op: ChangeOp }) {
  const t = useT();
  const name = t(`topics.change.ops.${op}`);
  return (
    <span
      data-testid="op-badge"
      data-op={op}
      title={name}
      className={`inline-flex min-w-7 items-center justify-center rounded px-1.5 py-0.5 font-mono text-sm font-bold ${OP_CLASS[op]}`}
    >
      <span aria-hidden="true">{op}</span>
      <span className="sr-only">{name}</span>
    </span>
  );
}
