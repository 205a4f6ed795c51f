import { describe, expect, it } from 'vitest';
import { sectorCodes } from '../../src/features/companies/sectors.ts';
import { createRandom, emailFor, femaleFirstNames, lastNames, maleFirstNames, randomCompanyName, randomPerson } from './finnish-names.ts';

describe('createRandom', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const seqA = Array.from({ length: 100 }, () => a.next());
    const seqB = Array.from({ length: 100 }, () => b.next());
    expect(seqA).toEqual(seqB);
  });

  it('matches the reference mulberry32 output', () => {
    // mulberry32 seeded with 1 starts 0.6270739405881613 (= 2693262067 / 2^32), …
    const r = createRandom(1);
    expect([r.next(), r.next(), r.next()].map((x) => x * 2 ** 32)).toEqual([2693262067, 11749833, 2265367787]);
  });

  it('gives different sequences for different seeds', () => {
    const a = createRandom(1);
    const b = createRandom(2);
    expect(Array.from({ length: 5 }, () => a.next())).not.toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const r = createRandom(2025);
    const buckets = Array.from({ length: 10 }, () => 0);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 10)]!++;
    }
    for (const n of buckets) expect(n).toBeGreaterThan(850);
  });

  it('int covers [min, max] inclusive and nothing else', () => {
    const r = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(-2, 3));
    expect([...seen].sort((x, y) => x - y)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(r.int(5, 5)).toBe(5);
    expect(() => r.int(3, 2)).toThrow(RangeError);
    expect(() => r.int(0.5, 2)).toThrow(RangeError);
  });

  it('pick returns an element and refuses an empty array', () => {
    const r = createRandom(4);
    const list = ['a', 'b', 'c'] as const;
    const seen = new Set(Array.from({ length: 200 }, () => r.pick(list)));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(() => r.pick([])).toThrow(RangeError);
  });
});

describe('name lists', () => {
  it('are large enough and have no duplicates', () => {
    expect(femaleFirstNames.length).toBeGreaterThanOrEqual(55);
    expect(maleFirstNames.length).toBeGreaterThanOrEqual(55);
    expect(lastNames.length).toBeGreaterThanOrEqual(110);
    for (const list of [femaleFirstNames, maleFirstNames, lastNames]) expect(new Set(list).size).toBe(list.length);
    const female = new Set<string>(femaleFirstNames);
    expect(maleFirstNames.filter((n) => female.has(n))).toEqual([]);
  });
});

describe('randomPerson', () => {
  it('is deterministic for a seed', () => {
    const a = createRandom(99);
    const b = createRandom(99);
    const people = (r: ReturnType<typeof createRandom>) => Array.from({ length: 50 }, () => randomPerson(r));
    expect(people(a)).toEqual(people(b));
  });

  it('gives first names that match the gender, and both genders', () => {
    const r = createRandom(5);
    const people = Array.from({ length: 200 }, () => randomPerson(r));
    for (const p of people) {
      expect((p.gender === 'female' ? femaleFirstNames : maleFirstNames) as readonly string[]).toContain(p.firstName);
      expect(lastNames as readonly string[]).toContain(p.lastName);
    }
    const women = people.filter((p) => p.gender === 'female').length;
    expect(women).toBeGreaterThan(70);
    expect(women).toBeLessThan(130);
  });
});

describe('randomCompanyName', () => {
  it('is deterministic for a seed', () => {
    const names = (seed: number) => {
      const r = createRandom(seed);
      return sectorCodes.map((code) => randomCompanyName(r, randomPerson(r), code));
    };
    expect(names(11)).toEqual(names(11));
    expect(names(11)).not.toEqual(names(12));
  });

  it('fills every template for every sector and for unknown codes', () => {
    const r = createRandom(6);
    for (const code of [...sectorCodes, 'X', '', 'toString', '__proto__']) {
      for (let i = 0; i < 50; i++) {
        const person = randomPerson(r);
        const name = randomCompanyName(r, person, code);
        expect(name).not.toMatch(/[{}]/);
        expect(name.trim()).toBe(name);
        expect(name.length).toBeGreaterThan(3);
      }
    }
  });

  it('makes sector-typical names', () => {
    const r = createRandom(7);
    const person = { firstName: 'Päivi', lastName: 'Tikka', gender: 'female' as const };
    const sote = new Set(Array.from({ length: 300 }, () => randomCompanyName(r, person, 'sote')));
    expect(sote).toContain('Tmi Päivi Tikka');
    expect(sote).toContain('Kotihoito Tikka');
    expect([...sote].some((n) => /^Fysio[A-ZÄÖ]\p{Ll}+ Oy$/u.test(n))).toBe(true);
    const hair = new Set(Array.from({ length: 300 }, () => randomCompanyName(r, person, 'S')));
    expect(hair).toContain('Parturi-Kampaamo Päivi');
  });
});

describe('emailFor', () => {
  it('transliterates ä, ö and å and lowercases', () => {
    expect(emailFor('Päivi', 'Tikka', 'example.fi')).toBe('paivi.tikka@example.fi');
    expect(emailFor('Jörö', 'Mäkelä', 'example.fi')).toBe('joro.makela@example.fi');
    expect(emailFor('Åsa', 'Sjöblom', 'example.fi')).toBe('asa.sjoblom@example.fi');
    expect(emailFor('ÄIJÄ', 'ÖSTERLUND', 'Example.FI')).toBe('aija.osterlund@example.fi');
  });

  it('keeps hyphens and drops what an address cannot hold', () => {
    expect(emailFor('Veli-Matti', 'Hämäläinen', 'example.fi')).toBe('veli-matti.hamalainen@example.fi');
    expect(emailFor('Anna Maria', "O'Neill", 'example.fi')).toBe('anna-maria.oneill@example.fi');
    expect(emailFor('René', 'Müller', 'example.fi')).toBe('rene.muller@example.fi');
  });

  it('gives a plain ASCII address for every generated person', () => {
    const r = createRandom(8);
    for (let i = 0; i < 500; i++) {
      const p = randomPerson(r);
      expect(emailFor(p.firstName, p.lastName, 'example.fi')).toMatch(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*@example\.fi$/);
    }
  });
});
