import { LoginForm } from "@/components/auth/LoginForm";
import { safeNextPath } from "@/lib/auth/shared/next-path";
import { getI18n } from "@/i18n/server";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { t } = await getI18n();
  const { next } = await searchParams;
  // Only same-origin paths: never redirect to another origin after signing in.
  const target = safeNextPath(next);
  return (
    <section className="mx-auto max-w-md rounded-lg border border-slate-300 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold">{t("auth.title")}</h1>
      <p className="mt-2 text-slate-700">{t("auth.intro")}</p>
      {next && next !== "/" ? <p className="mt-3 rounded bg-amber-50 p-2 text-sm text-amber-900">{t("auth.expired", { path: target })}</p> : null}
      <LoginForm next={target} />
    </section>
  );
}
