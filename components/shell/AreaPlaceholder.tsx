/** Server-rendered page body for an area that a later issue will build. Strings come translated. */
export function AreaPlaceholder({ title, badge, description }: { title: string; badge: string; description: string }) {
  return (
    <section className="max-w-3xl">
      <h1 className="text-3xl font-bold text-slate-900">{title}</h1>
      <p className="mt-3 inline-block rounded-full bg-amber-100 px-3 py-1 text-sm font-semibold text-amber-900">{badge}</p>
      <p className="mt-4 text-lg leading-relaxed text-slate-800">{description}</p>
    </section>
  );
}
