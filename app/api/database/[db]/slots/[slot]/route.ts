import { mutatingRoute } from "@/lib/auth/guard";
import { dropInactiveSlot } from "@/lib/pg/doctor/fixes";

export const dynamic = "force-dynamic";

/** Drops an INACTIVE replication slot (an active one is a 409 and stays). */
export const DELETE = mutatingRoute<undefined, { db: string; slot: string }>({
  action: "database.slot.drop",
  target: ({ params }) => params.slot,
  run: ({ params }) => dropInactiveSlot(params.db, params.slot),
});
