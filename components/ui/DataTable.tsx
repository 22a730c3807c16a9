import type { ReactNode } from "react";

export interface Column {
  /** Stable React key. */
  key: string;
  label: ReactNode;
  /** Numbers line up on the right. */
  numeric?: boolean;
  className?: string;
}

/**
 * The console's list table: a bordered, horizontally scrolling frame with one header row. Rows are the caller's
 * own `<tr>` elements, so each area keeps its cells, test ids and data attributes. Pure markup: usable from server
 * and client components alike.
 */
export function DataTable({ columns, testId, children }: { columns: Column[]; testId?: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
      <table className="min-w-full text-left text-sm" data-testid={testId}>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`px-3 py-2 font-semibold ${c.numeric ? "text-right" : ""} ${c.className ?? ""}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
