import Link from "next/link";
import { ConnectorsList } from "@/components/connectors/ConnectorsList";
import { currentPrincipal } from "@/lib/auth/server";
import { getI18n } from "@/i18n/server";
import { titleMetadata } from "@/app/area-page";

export const generateMetadata = titleMetadata("connectors.title");

export default async function ConnectorsPage() {
  const [{ t }, principal] = await Promise.all([getI18n(), currentPrincipal()]);
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">{t("connectors.title")}</h1>
        {principal?.role === "operator" ? (
          <Link href="/connectors/register" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700" data-testid="connectors-register">
            {t("connectors.register")}
          </Link>
        ) : null}
      </div>
      <p className="max-w-3xl text-slate-700">{t("connectors.intro")}</p>
      <ConnectorsList />
    </section>
  );
}
