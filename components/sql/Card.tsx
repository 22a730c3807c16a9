"use client";

import type { ReactNode } from "react";

/** A boxed panel of the SQL page (saved queries, save as Parquet), with its heading; `id` names the heading. */
export function SqlCard({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2 rounded border border-slate-300 p-3">
      <h2 id={id} className="font-semibold text-slate-900">
        {heading}
      </h2>
      {children}
    </section>
  );
}

/** A labelled text input in a card's form row (`className` sets its width and font). */
export function CardField({ label, value, onChange, className = "", testId }: { label: string; value: string; onChange: (v: string) => void; className?: string; testId?: string }) {
  return (
    <label className="text-sm">
      {label}
      <input className={`mt-1 block rounded border border-slate-400 px-2 py-1 ${className}`} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </label>
  );
}
