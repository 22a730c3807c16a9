// A topics section's heading with its "show also …" checkbox (internal topics, default configs), and anything
// the section adds to the line (the list's "stale" notice).
import type { ReactNode } from "react";

export function SectionHeading({ id, title, toggle, children }: { id: string; title: string; toggle: { label: string; checked: boolean; onChange: (checked: boolean) => void }; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-4">
      <h2 id={id} className="text-2xl font-bold text-slate-900">
        {title}
      </h2>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={toggle.checked} onChange={(e) => toggle.onChange(e.target.checked)} />
        {toggle.label}
      </label>
      {children}
    </div>
  );
}
