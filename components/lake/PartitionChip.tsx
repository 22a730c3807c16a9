import type { Partition } from "@/lib/s3/shared/lake-types";

/** `year=2026` shown as a partition: key dimmed, value bold. */
export function PartitionChip({ partition, label }: { partition: Partition; label: string }) {
  return (
    <span className="inline-flex items-baseline gap-1 rounded-full border border-violet-300 bg-violet-50 px-2 py-0.5 font-mono text-sm" title={label} data-partition={`${partition.key}=${partition.value}`}>
      <span className="text-violet-700">{partition.key}</span>
      <span aria-hidden="true" className="text-violet-400">=</span>
      <span className="sr-only">=</span>
      <span className="font-semibold text-violet-950">{partition.value}</span>
    </span>
  );
}
