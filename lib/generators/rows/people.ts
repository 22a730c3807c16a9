// New people for the streaming generator and the CDC demo: pt-BR names and birth dates from Faker,
// ids and every other choice from the run's seeded PRNG.
import "server-only";
import { randomInt } from "node:crypto";
import { base, en, Faker, pt_BR } from "@faker-js/faker";
import type { Rng } from "./random";
import { sexoFromName } from "./rules";
import type { NewPerson } from "../run/sql";

export const MIN_AGE = 18;
export const MAX_AGE = 60;
/** 11-digit CPF-like ids, as the seed draws them. */
const MIN_ID = 10_000_000_000;
const MAX_ID = 99_999_999_999;

export class PersonFactory {
  private readonly faker: Faker;
  constructor(
    private readonly rng: Rng,
    seed: number,
    /** Ages are counted from this day (the run's start), so a seed gives the same people on the same day. */
    private readonly today: Date,
  ) {
    this.faker = new Faker({ locale: [pt_BR, en, base] });
    this.faker.seed(seed);
  }

  make(): NewPerson {
    const nome = this.faker.person.fullName();
    const birth = this.faker.date.birthdate({ mode: "age", min: MIN_AGE, max: MAX_AGE, refDate: this.today });
    return { id: this.newId(), nome, sexo: sexoFromName(nome), dtNasc: isoDate(birth) };
  }

  newId(): number {
    return this.rng.wideInt(MIN_ID, MAX_ID);
  }

  /** An id drawn off the seed, for when the seeded one is taken (re-running a seed on the same database). */
  unseededId(): number {
    return MIN_ID + randomInt(0, 2 ** 47) % (MAX_ID - MIN_ID + 1);
  }
}

function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
