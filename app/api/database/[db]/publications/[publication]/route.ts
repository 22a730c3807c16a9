import { mutatingRoute } from "@/lib/auth/guard";
import { dropPublication } from "@/lib/pg/doctor/fixes";

export const dynamic = "force-dynamic";

export const DELETE = mutatingRoute<undefined, { db: string; publication: string }>({
  action: "database.publication.drop",
  target: ({ params }) => params.publication,
  run: ({ params }) => dropPublication(params.db, params.publication),
});
