"use client";

// A small time series for people at the back of a room: large axis labels, thick high-contrast lines, few ticks.
// Drawn by recharts in the browser only (its measurements need the DOM): the server and the first client render
// show the same empty frame, so hydration matches.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "@/components/i18n/I18nProvider";
import { useHydrated } from "@/components/ui/use-hydrated";
import { formatBytes, formatNumber, formatRate, formatTime } from "@/components/ui/format";

export type ValueFormat = "rate" | "count" | "bytes";

export interface ChartSeries {
  key: string;
  label: string;
  points: [number, number | null][];
}

/** Okabe–Ito: distinguishable with colour blindness, dark enough on white for a projector. */
const COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

/** Rows for recharts: one per sample time, one column per series (the sampler writes every series at the same instant). */
function rowsOf(series: ChartSeries[]): Record<string, number | null>[] {
  const byTime = new Map<number, Record<string, number | null>>();
  series.forEach((s, i) => {
    for (const [t, v] of s.points) {
      const row = byTime.get(t) ?? { t };
      row[`s${i}`] = v;
      byTime.set(t, row);
    }
  });
  return [...byTime.values()].sort((a, b) => (a.t as number) - (b.t as number));
}

export function TimeSeriesChart({ series, format, height = 220, testId }: { series: ChartSeries[]; format: ValueFormat; height?: number; testId?: string }) {
  const hydrated = useHydrated();
  const locale = useLocale();
  const value = (v: number) => (format === "bytes" ? formatBytes(locale, v) : format === "rate" ? formatRate(locale, v) : formatNumber(locale, v));
  return (
    <div data-testid={testId} className="w-full" style={{ height }}>
      {hydrated ? (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rowsOf(series)} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid stroke="#cbd5e1" strokeDasharray="3 3" />
            <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(t: number) => formatTime(locale, t)} tick={{ fontSize: 16, fill: "#0f172a" }} minTickGap={40} />
            <YAxis tickFormatter={value} tick={{ fontSize: 16, fill: "#0f172a" }} width={format === "bytes" ? 90 : 64} allowDecimals={format !== "count"} />
            <Tooltip labelFormatter={(t) => formatTime(locale, Number(t))} formatter={(v) => (typeof v === "number" ? value(v) : String(v ?? ""))} contentStyle={{ fontSize: 16 }} />
            {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 16 }} /> : null}
            {series.map((s, i) => (
              <Line key={s.key} dataKey={`s${i}`} name={s.label} stroke={COLORS[i % COLORS.length]} strokeWidth={3} dot={false} isAnimationActive={false} connectNulls={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}
