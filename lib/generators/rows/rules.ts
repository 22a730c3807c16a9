// The lab's business rules for generated data, as the seed's Python scripts apply them (SEED.md,
// functions.py): which categories a person buys from, which device and geohash a legitimate purchase
// has, and what a fraudulent one changes. Pure functions: the engine and the tests share them.
import "server-only";
import type { Rng } from "./random";

export type Sexo = "M" | "F";
/** The four customer profiles of the seed: sex × (younger than 35 | 35 and older). */
export type Profile = "M<35" | "M>=35" | "F<35" | "F>=35";

export const PROFILES: readonly Profile[] = ["M<35", "M>=35", "F<35", "F>=35"];

/** Category ids each profile buys from (seed: cat_homens, cat_homens_filhos, cat_mulheres, cat_mulheres_filhos). */
export const CATEGORIES_BY_PROFILE: Record<Profile, readonly number[]> = {
  "M<35": [1, 4, 5, 6],
  "M>=35": [1, 4, 5, 6, 7, 8, 9],
  "F<35": [2, 4, 8, 9],
  "F>=35": [1, 2, 3, 4, 7, 8, 9],
};

/** Legitimate geohashes (cells in SP, MG and RJ) per profile. */
export const LEGIT_GEOHASHES: Record<Profile, readonly string[]> = {
  "M<35": ["6gyf", "6gyc", "7h2y", "7h2z", "7h2w", "75cm", "75cn"],
  "M>=35": ["6gyf", "6gyc"],
  "F<35": ["6gyf", "6gyc", "75cm", "75cn"],
  "F>=35": ["7h2y", "7h2z", "7h2w"],
};

export const LEGIT_DEVICE: Record<Sexo, string> = { M: "Samsung", F: "Iphone" };
/** Every geohash a legitimate purchase can have (all lie in SP, MG and RJ). */
export const ALL_LEGIT_GEOHASHES: readonly string[] = [...new Set(Object.values(LEGIT_GEOHASHES).flat())];
export const LEGIT_DEVICES: readonly string[] = ["Samsung", "Iphone"];

/** What fraud replaces: a device from outside the legit set, or a geohash outside SP, MG and RJ. */
export const FRAUD_DEVICES: readonly string[] = ["Xaomi", "Motorola", "Nokia"];
export const FRAUD_GEOHASHES: readonly string[] = ["7h6v", "6v2n", "6m3p"];

/** Number of items per order (seed: `limit random.randint(1, 5)` distinct products). */
export const MIN_ITEMS = 1;
export const MAX_ITEMS = 5;
/** Historical orders are dated now − 1..180 days (seed: `timedelta(days=random.randint(1, 180))`). */
export const MIN_DAYS_BACK = 1;
export const MAX_DAYS_BACK = 180;

/** Age in whole years on `today`, as the seed computes it. `dtNasc` is "YYYY-MM-DD". */
export function ageOn(dtNasc: string, today: Date): number {
  const [y, m, d] = dtNasc.split("-").map(Number);
  const ty = today.getFullYear();
  const tm = today.getMonth() + 1;
  const td = today.getDate();
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

export function profileOf(sexo: string, age: number): Profile {
  const female = sexo === "F";
  if (age < 35) return female ? "F<35" : "M<35";
  return female ? "F>=35" : "M>=35";
}

/**
 * Sex from the name, the seed's rule: 'F' when the first name ends in "a". Faker's pt-BR names may start
 * with an honorific ("Sra.", "Dr."): we skip it, where the seed would have read "Sra." as a man.
 */
export function sexoFromName(nome: string): Sexo {
  const words = nome.trim().split(/\s+/);
  const first = words.find((w) => !w.endsWith(".")) ?? words[0] ?? "";
  return first.toLowerCase().endsWith("a") ? "F" : "M";
}

/** The audit row's telefone: the last 9 digits of the person id. */
export function telefoneOf(pessoaId: number | bigint | string): string {
  return String(pessoaId).slice(-9);
}

export interface AuditFields {
  dispositivo: string;
  geohash: string;
}

/** A legitimate audit row for a person; with `fraud`, exactly one of device or geohash is replaced. */
export function auditFor(rng: Rng, sexo: Sexo, profile: Profile, fraud: boolean): AuditFields {
  let dispositivo = LEGIT_DEVICE[sexo];
  let geohash = rng.pick(LEGIT_GEOHASHES[profile]);
  if (fraud) {
    if (rng.next() < 0.5) dispositivo = rng.pick(FRAUD_DEVICES);
    else geohash = rng.pick(FRAUD_GEOHASHES);
  }
  return { dispositivo, geohash };
}

/** Whether an audit row breaks the course's fraud rules (device or geohash outside the legit sets). */
export function isFraudulent(a: AuditFields): boolean {
  return !LEGIT_DEVICES.includes(a.dispositivo) || !ALL_LEGIT_GEOHASHES.includes(a.geohash);
}

/**
 * Decides which orders are fraudulent so that the share after n orders stays within one order of
 * `share × n`, while the positions stay random (each order's chance is what is still owed, clamped to [0, 1]).
 * The seed draws each order independently; holding the share lets a small run show the asked share too.
 */
export class FraudDice {
  private orders = 0;
  private frauds = 0;
  constructor(
    private readonly share: number,
    private readonly rng: Rng,
  ) {}

  roll(): boolean {
    this.orders += 1;
    const owed = this.share * this.orders - this.frauds;
    const fraud = owed >= 1 || (owed > 0 && this.rng.next() < owed);
    if (fraud) this.frauds += 1;
    return fraud;
  }
}
