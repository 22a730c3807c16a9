import { AppError } from "@/lib/errors";
import { parseInput, readRoute } from "@/lib/http/contract";
import { runDoctor } from "@/lib/pg/doctor/gather";
import { doctorQuery } from "@/lib/pg/inputs";

export const dynamic = "force-dynamic";

/** The CDC doctor (read-only): every rule over the database and its Debezium connectors; ?cluster=&connector= narrows it. */
export const GET = readRoute<{ db: string }>(async ({ params, query }) => {
  const q = parseInput(doctorQuery, query, "doctor query");
  if (Boolean(q.cluster) !== Boolean(q.connector)) {
    throw new AppError(422, "invalid_input", "Give both cluster and connector, or neither.", "console", { params: { what: "doctor query" } });
  }
  return runDoctor(params.db, q.cluster && q.connector ? { connector: { cluster: q.cluster, name: q.connector } } : {});
});
