// Factory for an entrepreneur's company: a fictional Finnish small firm with a valid
// Y-tunnus, a sector (sote first) and a Satakunta municipality. Deterministic with a seeded
// `random` (createRandom from finnish-names.ts); shared with the demo seed.
import { randomInt } from 'node:crypto';
import { companies, type Company, type CompanySizeCode } from '../../src/features/companies/companies.schema.ts';
import { generateBusinessId } from '../../src/features/companies/business-id.ts';
import { municipalitiesInRegion } from '../../src/features/places/municipalities.ts';
import type { Tx } from '../../src/platform/db/db.ts';
import { createRandom, randomCompanyName, randomPerson, type Person, type Random } from './finnish-names.ts';

/** A generator for one call when the caller gives none: different every time. */
export function freshRandom(): Random {
  return createRandom(randomInt(2 ** 31));
}

/** Satakunta's municipality codes, in code order. */
export const satakuntaMunicipalityCodes: readonly string[] = municipalitiesInRegion('Satakunta').map((m) => m.code);

/** Where the companies of a Satakunta programme are, weighted roughly by population. */
const weightedMunicipalities: readonly string[] = [
  ...Array<string>(8).fill('609'), // Pori
  ...Array<string>(4).fill('684'), // Rauma
  ...Array<string>(2).fill('886'), // Ulvila
  ...Array<string>(2).fill('214'), // Kankaanpää
  '079', // Harjavalta
  '050', // Eura
  '102', // Huittinen
  '271', // Kokemäki
  '531', // Nakkila
  '051', // Eurajoki
  '783', // Säkylä
  '484', // Merikarvia
];

/** Sectors other than sote that small firms in the programme come from (TOL 2008 sections). */
export const otherSectorCodes = ['S', 'M', 'I', 'G', 'C', 'F', 'N', 'P', 'R', 'J', 'A'] as const;

export function randomMunicipalityCode(random: Random): string {
  return random.pick(weightedMunicipalities);
}

export interface TestCompanyOptions {
  organizationId: string;
  random?: Random;
  /** Whose name a "Tmi …" style company name may carry. */
  owner?: Person;
  name?: string;
  /** A valid Y-tunnus is generated unless given (null: not registered yet). */
  businessId?: string | null;
  /** A code from src/features/companies/sectors.ts; sote most often. */
  sector?: string;
  size?: CompanySizeCode;
  /** A municipality code (e.g. '609' Pori); a Satakunta one by default. */
  municipality?: string;
}

export async function createTestCompany(db: Tx, options: TestCompanyOptions): Promise<Company> {
  const random = options.random ?? freshRandom();
  const sector = options.sector ?? (random.next() < 0.7 ? 'sote' : random.pick(otherSectorCodes));
  const owner = options.owner ?? randomPerson(random);
  const [company] = await db
    .insert(companies)
    .values({
      organizationId: options.organizationId,
      name: options.name ?? randomCompanyName(random, owner, sector),
      businessId: options.businessId === undefined ? generateBusinessId(() => random.next()) : options.businessId,
      sector,
      size: options.size ?? 'sole',
      municipality: options.municipality ?? randomMunicipalityCode(random),
    })
    .returning();
  if (!company) throw new Error('insert returned no company');
  return company;
}
