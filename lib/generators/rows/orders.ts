// Builds orders in memory, column by column, ready for one multi-row INSERT per table (pure: no I/O).
import "server-only";
import type { Rng } from "./random";
import { auditFor, CATEGORIES_BY_PROFILE, FraudDice, MAX_DAYS_BACK, MAX_ITEMS, MIN_DAYS_BACK, MIN_ITEMS, PROFILES, type Profile, type Sexo } from "./rules";

export interface Person {
  id: number;
  sexo: Sexo;
  profile: Profile;
}

export interface Product {
  id: number;
  categoria: number;
  /** valor_unit in cents (integers keep the sums exact). */
  cents: number;
}

/** Products each profile may buy, from the category rules. */
export type Catalog = Record<Profile, Product[]>;

export function catalogFrom(products: readonly Product[]): Catalog {
  const out = {} as Catalog;
  for (const p of PROFILES) {
    const allowed = new Set(CATEGORIES_BY_PROFILE[p]);
    out[p] = products.filter((x) => allowed.has(x.categoria));
  }
  return out;
}

/** Profiles with nothing to buy (their categories have no products): a generator cannot run for them. */
export function emptyProfiles(catalog: Catalog): Profile[] {
  return PROFILES.filter((p) => catalog[p].length === 0);
}

/** One batch of orders as parallel arrays; item rows point at their order by its 1-based index in the batch. */
export interface OrderBatch {
  pessoa: number[];
  daysBack: number[];
  cents: number[];
  dispositivo: string[];
  geohash: string[];
  itemOrder: number[];
  itemProduto: number[];
  itemCents: number[];
  frauds: number;
}

export function emptyBatch(): OrderBatch {
  return { pessoa: [], daysBack: [], cents: [], dispositivo: [], geohash: [], itemOrder: [], itemProduto: [], itemCents: [], frauds: 0 };
}

export interface OrderOptions {
  /** Historical orders are back-dated 1..180 days; streaming orders are dated now. */
  backDated: boolean;
}

/** Orders as the seed makes them: 1–5 distinct products from the person's categories, qtde 1, one audit row. */
export class OrderMaker {
  private readonly picked: number[] = [];
  constructor(
    private readonly rng: Rng,
    private readonly catalog: Catalog,
    private readonly fraud: FraudDice,
    private readonly options: OrderOptions,
  ) {}

  addOrder(batch: OrderBatch, person: Person): void {
    const products = this.catalog[person.profile];
    const k = Math.min(this.rng.int(MIN_ITEMS, MAX_ITEMS), products.length);
    const ord = batch.pessoa.length + 1;
    const picked = this.picked;
    picked.length = 0;
    let total = 0;
    while (picked.length < k) {
      const i = Math.floor(this.rng.next() * products.length);
      if (picked.includes(i)) continue;
      picked.push(i);
      const p = products[i];
      batch.itemOrder.push(ord);
      batch.itemProduto.push(p.id);
      batch.itemCents.push(p.cents);
      total += p.cents;
    }
    const fraud = this.fraud.roll();
    const audit = auditFor(this.rng, person.sexo, person.profile, fraud);
    batch.pessoa.push(person.id);
    batch.daysBack.push(this.options.backDated ? this.rng.int(MIN_DAYS_BACK, MAX_DAYS_BACK) : 0);
    batch.cents.push(total);
    batch.dispositivo.push(audit.dispositivo);
    batch.geohash.push(audit.geohash);
    if (fraud) batch.frauds += 1;
  }
}
