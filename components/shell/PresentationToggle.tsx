"use client";

import { useState } from "react";
import { useT } from "@/components/i18n/I18nProvider";
import { PRESENTATION_ATTRIBUTE, PRESENTATION_COOKIE } from "./presentation";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/** The header's projector switch: a pressed/unpressed button; flips the root attribute at once and remembers it. */
export function PresentationToggle({ initial }: { initial: boolean }) {
  const t = useT();
  const [on, setOn] = useState(initial);

  function toggle() {
    const next = !on;
    setOn(next);
    document.cookie = `${PRESENTATION_COOKIE}=${next ? "on" : "off"}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
    if (next) document.documentElement.setAttribute(PRESENTATION_ATTRIBUTE, "on");
    else document.documentElement.removeAttribute(PRESENTATION_ATTRIBUTE);
  }

  return (
    <button
      type="button"
      aria-pressed={on}
      title={t("presentation.hint")}
      data-testid="presentation-toggle"
      onClick={toggle}
      className={`rounded-md border px-3 py-1.5 text-sm font-semibold transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300 ${
        on ? "border-yellow-300 bg-yellow-300 text-slate-950" : "border-slate-600 text-slate-200 hover:bg-slate-700"
      }`}
    >
      <span aria-hidden="true" className="mr-1.5">
        ⛶
      </span>
      {t("presentation.toggle")}
    </button>
  );
}
