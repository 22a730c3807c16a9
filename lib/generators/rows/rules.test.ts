import { describe, expect, it } from "vitest";
import { createRng } from "./random";
import {
  ageOn,
  ALL_LEGIT_GEOHASHES,
  auditFor,
  FRAUD_DEVICES,
  FRAUD_GEOHASHES,
  FraudDice,
  isFraudulent,
  LEGIT_DEVICE,
  LEGIT_GEOHASHES,
  PROFILES,
  profileOf,
  sexoFromName,
  telefoneOf,
} from "./rules";

describe("customer profile", () => {
  it("counts age in whole years, the day before and on the birthday", () => {
    expect(ageOn("1991-06-15", new Date(2026, 5, 14))).toBe(34);
    expect(ageOn("1991-06-15", new Date(2026, 5, 15))).toBe(35);
    expect(ageOn("1991-12-31", new Date(2026, 0, 1))).toBe(34);
  });

  it("splits sex × age at 35, as the seed does", () => {
    expect(profileOf("M", 34)).toBe("M<35");
    expect(profileOf("M", 35)).toBe("M>=35");
    expect(profileOf("F", 18)).toBe("F<35");
    expect(profileOf("F", 60)).toBe("F>=35");
  });

  it("reads sex from the first name's last letter, skipping an honorific", () => {
    expect(sexoFromName("Maria Eduarda Moraes")).toBe("F");
    expect(sexoFromName("Srta. Rebeca Pereira")).toBe("F");
    expect(sexoFromName("Dr. Víctor Carvalho")).toBe("M");
    expect(sexoFromName("Davi Lucca Braga")).toBe("M");
  });

  it("takes the telefone from the last 9 digits of the person id", () => {
    expect(telefoneOf(12345678901)).toBe("345678901");
  });
});

describe("audit rows", () => {
  it("draw fraud values from outside the legit sets", () => {
    for (const g of FRAUD_GEOHASHES) expect(ALL_LEGIT_GEOHASHES).not.toContain(g);
    for (const d of FRAUD_DEVICES) expect(Object.values(LEGIT_DEVICE)).not.toContain(d);
  });

  it("are legitimate without fraud: the sex's device and a geohash of the profile", () => {
    const rng = createRng(1);
    for (const profile of PROFILES) {
      const sexo = profile.startsWith("F") ? "F" : "M";
      for (let i = 0; i < 200; i++) {
        const a = auditFor(rng, sexo, profile, false);
        expect(a.dispositivo).toBe(LEGIT_DEVICE[sexo]);
        expect(LEGIT_GEOHASHES[profile]).toContain(a.geohash);
        expect(isFraudulent(a)).toBe(false);
      }
    }
  });

  it("change exactly one of device or geohash to a value outside the legit sets when fraudulent, both kinds occurring", () => {
    const rng = createRng(2);
    let device = 0;
    let geohash = 0;
    for (let i = 0; i < 1000; i++) {
      const a = auditFor(rng, "F", "F<35", true);
      const badDevice = FRAUD_DEVICES.includes(a.dispositivo);
      const badGeohash = FRAUD_GEOHASHES.includes(a.geohash);
      expect(badDevice !== badGeohash).toBe(true);
      if (badDevice) expect(LEGIT_GEOHASHES["F<35"]).toContain(a.geohash);
      else expect(a.dispositivo).toBe("Iphone");
      expect(isFraudulent(a)).toBe(true);
      if (badDevice) device++;
      else geohash++;
    }
    expect(device).toBeGreaterThan(400);
    expect(geohash).toBeGreaterThan(400);
  });
});

describe("fraud share", () => {
  it.each([0.01, 0.05, 0.123, 0, 1])("stays within one order of %s × n at every n", (share) => {
    const dice = new FraudDice(share, createRng(3));
    let frauds = 0;
    for (let n = 1; n <= 20_000; n++) {
      if (dice.roll()) frauds++;
      expect(Math.abs(frauds - share * n)).toBeLessThanOrEqual(1);
    }
  });

  it("spreads fraud at random positions (two seeds differ)", () => {
    const positions = (seed: number) => {
      const dice = new FraudDice(0.05, createRng(seed));
      return Array.from({ length: 400 }, (_, i) => (dice.roll() ? i : -1)).filter((i) => i >= 0);
    };
    expect(positions(1)).not.toEqual(positions(2));
    expect(positions(1)).toEqual(positions(1));
  });
});

describe("seeded PRNG", () => {
  it("repeats a stream for a seed and stays in range", () => {
    const a = createRng(42);
    const b = createRng(42);
    for (let i = 0; i < 1000; i++) {
      const x = a.next();
      expect(x).toBe(b.next());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    const r = createRng(7);
    const ids = new Set(Array.from({ length: 10_000 }, () => r.wideInt(10_000_000_000, 99_999_999_999)));
    expect(ids.size).toBe(10_000);
    for (const id of ids) expect(String(id)).toHaveLength(11);
  });
});
