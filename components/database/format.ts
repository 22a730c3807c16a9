// Sizes and counts for the Database area's tables. Pure.
export { formatBytes, formatCount } from "@/components/lake/format";
