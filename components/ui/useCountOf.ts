"use client";

import { useCallback } from "react";
import { useLocale, useT } from "@/components/i18n/I18nProvider";
import type { MessageKey } from "@/i18n/format";
import { formatCountOf } from "./format";

type Forms<K> = K extends `${infer P}.one` ? (`${P}.other` extends MessageKey ? P : never) : never;
/** Catalog groups with `{ one, other }` forms ("lake.nouns.objects"). */
export type CountKey = Forms<MessageKey>;

/** `countOf(n, "lake.nouns.objects")` → "1 objeto" / "2 objetos": the count with its noun in the plural rule's form. */
export function useCountOf(): (n: number, key: CountKey) => string {
  const t = useT();
  const locale = useLocale();
  return useCallback(
    (n: number, key: CountKey) => formatCountOf(locale, n, { one: t(`${key}.one` as MessageKey), other: t(`${key}.other` as MessageKey) }),
    [t, locale],
  );
}
