import { mutatingRoute } from "@/lib/auth/guard";
import { generatorOps } from "@/lib/generators/operations";

/** Starts a generator (historical, streaming or cdc); 409 when that generator already runs. */
export const POST = mutatingRoute(generatorOps.start);
