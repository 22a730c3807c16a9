// Sizes and counts for the Database area's tables, in the reader's locale. Pure.
import { formatBytes as bytes, formatNumber } from "@/components/ui/format";

export const formatBytes = (n: number, locale: string) => bytes(locale, n);
export const formatCount = (n: number, locale: string) => formatNumber(locale, n);
