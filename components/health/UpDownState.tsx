// A cluster member's state in a table row (a Connect worker, a Kafka broker): a dot and the word, red and bold when down.
import { DOT_CLASS } from "./service-status";

export function UpDownState({ up, label }: { up: boolean; label: string }) {
  return (
    <span className={`flex items-center gap-2 ${up ? "text-emerald-800" : "font-semibold text-red-700"}`}>
      <span aria-hidden="true" className={`size-2.5 rounded-full ${up ? DOT_CLASS.up : DOT_CLASS.down}`} />
      {label}
    </span>
  );
}
