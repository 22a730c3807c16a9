import { describe, expect, it } from "vitest";
import { FORM_DEFAULTS, toStartInput, validateForm } from "./form-values";

describe("generator form", () => {
  it("turns the defaults into valid start requests", () => {
    for (const kind of ["historical", "streaming", "cdc"] as const) expect(validateForm(kind, FORM_DEFAULTS[kind]).ok).toBe(true);
    expect(toStartInput("historical", FORM_DEFAULTS.historical)).toMatchObject({ generator: "historical", orders: 100_000, rate: null, fraudShare: 0.01 });
    expect(toStartInput("streaming", { ...FORM_DEFAULTS.streaming, rate: "20", fraudPercent: "5" })).toMatchObject({ rate: 20, fraudShare: 0.05, orders: undefined });
    expect(toStartInput("cdc", { ...FORM_DEFAULTS.cdc, count: "30", scope: "own" })).toMatchObject({ operations: 30, scope: "own", rate: 0.25 });
  });

  it("marks the fields the shared schema refuses", () => {
    expect(validateForm("streaming", { ...FORM_DEFAULTS.streaming, rate: "-3", fraudPercent: "250" })).toEqual({ ok: false, fields: ["rate", "fraudPercent"] });
    expect(validateForm("historical", { ...FORM_DEFAULTS.historical, count: "abc" })).toEqual({ ok: false, fields: ["count"] });
  });
});
