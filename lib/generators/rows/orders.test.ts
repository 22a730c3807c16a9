import { describe, expect, it } from "vitest";
import { catalogFrom, emptyBatch, emptyProfiles, OrderMaker, type Person, type Product } from "./orders";
import { createRng } from "./random";
import { CATEGORIES_BY_PROFILE, FraudDice, isFraudulent, PROFILES } from "./rules";

const products: Product[] = Array.from({ length: 9 * 20 }, (_, i) => ({ id: i + 1, categoria: Math.floor(i / 20) + 1, cents: 1000 + i * 7 }));
const byId = new Map(products.map((p) => [p.id, p]));
const people: Person[] = PROFILES.map((profile, i) => ({ id: 10_000_000_000 + i, sexo: profile.startsWith("F") ? "F" : "M", profile }));

describe("OrderMaker", () => {
  it("builds orders by the seed's rules: 1–5 distinct products of the profile's categories, total = sum, back-dated 1..180 days", () => {
    const rng = createRng(9);
    const maker = new OrderMaker(rng, catalogFrom(products), new FraudDice(0.05, rng), { backDated: true });
    const batch = emptyBatch();
    for (let i = 0; i < 4000; i++) maker.addOrder(batch, people[i % people.length]);

    expect(batch.pessoa).toHaveLength(4000);
    const itemsByOrder = new Map<number, number[]>();
    batch.itemOrder.forEach((ord, i) => itemsByOrder.set(ord, [...(itemsByOrder.get(ord) ?? []), i]));
    expect(itemsByOrder.size).toBe(4000);
    for (let o = 0; o < 4000; o++) {
      const items = itemsByOrder.get(o + 1)!;
      expect(items.length).toBeGreaterThanOrEqual(1);
      expect(items.length).toBeLessThanOrEqual(5);
      const ids = items.map((i) => batch.itemProduto[i]);
      expect(new Set(ids).size).toBe(ids.length);
      const person = people.find((p) => p.id === batch.pessoa[o])!;
      for (const id of ids) expect(CATEGORIES_BY_PROFILE[person.profile]).toContain(byId.get(id)!.categoria);
      expect(batch.cents[o]).toBe(items.reduce((sum, i) => sum + batch.itemCents[i], 0));
      expect(items.every((i) => batch.itemCents[i] === byId.get(batch.itemProduto[i])!.cents)).toBe(true);
      expect(batch.daysBack[o]).toBeGreaterThanOrEqual(1);
      expect(batch.daysBack[o]).toBeLessThanOrEqual(180);
    }
    const frauds = batch.dispositivo.filter((d, i) => isFraudulent({ dispositivo: d, geohash: batch.geohash[i] })).length;
    expect(frauds).toBe(batch.frauds);
    expect(frauds).toBe(200);
  });

  it("dates streaming orders now, and a seed repeats the same orders", () => {
    const make = () => {
      const rng = createRng(5);
      const maker = new OrderMaker(rng, catalogFrom(products), new FraudDice(0.05, rng), { backDated: false });
      const batch = emptyBatch();
      for (let i = 0; i < 100; i++) maker.addOrder(batch, people[i % 4]);
      return batch;
    };
    const a = make();
    expect(a.daysBack.every((d) => d === 0)).toBe(true);
    expect(make()).toEqual(a);
  });

  it("names the profiles that have nothing to buy", () => {
    expect(emptyProfiles(catalogFrom(products))).toEqual([]);
    expect(emptyProfiles(catalogFrom(products.filter((p) => p.categoria === 2)))).toEqual(["M<35", "M>=35"]);
  });
});
