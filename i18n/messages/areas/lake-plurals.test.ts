import { describe, expect, it } from "vitest";
import { formatCountOf } from "@/components/ui/format";
import { interpolate } from "../../format";
import { lakeEn, lakePtBR } from "./lake";

// "1 objetos" on the bucket list: counts go through Intl.PluralRules with the catalog's { one, other } forms.
describe("lake counts with their nouns", () => {
  it("says 1 objeto / 2 objetos and 1 object / 2 objects where the bucket's objects are counted", () => {
    const stats = (c: typeof lakePtBR, locale: string, n: number) => interpolate(c.buckets.statsValue, { objects: formatCountOf(locale, n, c.nouns.objects), size: "1 B" });
    expect(stats(lakePtBR, "pt-BR", 1)).toBe("1 objeto · 1 B");
    expect(stats(lakePtBR, "pt-BR", 2)).toBe("2 objetos · 1 B");
    expect(stats(lakeEn, "en", 1)).toBe("1 object · 1 B");
    expect(interpolate(lakePtBR.deleteBucket.confirmWithObjects, { count: formatCountOf("pt-BR", 1, lakePtBR.nouns.objects) })).toBe("Apagar 1 objeto e o bucket");
    expect(interpolate(lakeEn.preview.linesSummary, { lines: formatCountOf("en", 1, lakeEn.nouns.lines), events: formatCountOf("en", 1, lakeEn.nouns.changeEvents) })).toBe("1 line, 1 Debezium change event");
  });

  it("has no template that puts a plural noun after a bare count", () => {
    const text = JSON.stringify([lakePtBR, lakeEn].map(({ nouns: _forms, ...rest }) => rest));
    expect(text).not.toMatch(/\{(count|objects)\} (objetos|objects)/);
  });
});
