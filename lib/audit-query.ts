// The audit list's filters, shared by the page and GET /api/audit (one schema for both).
import "server-only";
import { z } from "zod";

const optionalText = z.string().trim().max(200).optional().transform((v) => v || undefined);
const optionalDate = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: `not a date: ${v}` });
      return z.NEVER;
    }
    return d;
  });

export const auditQuerySchema = z.strictObject({
  action: optionalText,
  target: optionalText,
  outcome: z.enum(["ok", "error", "refused"]).optional().or(z.literal("").transform(() => undefined)),
  from: optionalDate,
  to: optionalDate,
  before: z.string().regex(/^\d+$/).optional().transform((v) => (v ? BigInt(v) : undefined)),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * Prisma's `contains`/`startsWith` become SQL LIKE patterns without escaping: `%` and `_` would be wildcards
 * (`target=%` matched every row). Escape them, and LIKE's escape character `\`, so a filter means what was typed.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
