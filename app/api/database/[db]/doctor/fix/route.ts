import { mutatingRoute } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { applyFix } from "@/lib/pg/doctor/fixes";
import { runDoctor } from "@/lib/pg/doctor/gather";
import type { FixAction } from "@/lib/pg/doctor/types";
import { fixInput } from "@/lib/pg/inputs";

export const dynamic = "force-dynamic";

/** Applies one of the doctor's safe fixes (operator only, audited), then runs the doctor again. */
export const POST = mutatingRoute<{ action: FixAction; rerun?: { cluster: string; connector: string } }, { db: string }>({
  action: "database.doctor.fix",
  input: fixInput,
  target: ({ input }) => `${input.action.type}: ${JSON.stringify(input.action)}`,
  run: async ({ input, params }) => {
    const a = input.action;
    if ("database" in a && a.database !== params.db) {
      throw new AppError(422, "invalid_input", `The fix is for database "${a.database}", not "${params.db}".`, "console", { params: { what: "fix" } });
    }
    const outcome = await applyFix(a);
    const report = await runDoctor(params.db, input.rerun ? { connector: { cluster: input.rerun.cluster, name: input.rerun.connector } } : {});
    return { outcome, report };
  },
});
