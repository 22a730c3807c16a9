import Link from "next/link";

/**
 * A link to the CDC doctor, narrowed to one connector when given: for a connector's detail page ("Diagnose")
 * and the overview. Pure markup (server or client); the label comes from the caller's catalog
 * (database.doctor.diagnose / database.doctor.openDoctor).
 */
export function DoctorLink({ label, connector, db = "oltp", className = "" }: { label: string; connector?: { cluster: string; name: string }; db?: string; className?: string }) {
  const q = new URLSearchParams({ db, tab: "doctor" });
  if (connector) {
    q.set("cluster", connector.cluster);
    q.set("connector", connector.name);
  }
  return (
    <Link href={`/database?${q.toString()}`} className={`inline-flex items-center rounded-md border border-slate-400 px-3 py-1.5 text-sm font-semibold text-slate-900 hover:bg-slate-100 ${className}`} data-testid="database-doctor-link">
      {label}
    </Link>
  );
}
