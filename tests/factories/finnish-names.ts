// Realistic Finnish people and small-firm names for tests, demos and seed data, drawn from a
// deterministic seeded generator so the same seed always gives the same data. Pure, no I/O.
// The companies are fictional; the names are common Finnish ones, weighted towards people
// born 1955–1980 (today's 45–70-year-old entrepreneurs) with some younger ones.

export type Random = {
  /** The next number in [0, 1). */
  next(): number;
  /** One element of a non-empty array. */
  pick<T>(a: readonly T[]): T;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
};

/** A seeded generator (mulberry32): the same seed gives the same sequence. */
export function createRandom(seed: number): Random {
  let state = (Number.isFinite(seed) ? Math.trunc(seed) : 0) | 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick<T>(a: readonly T[]): T {
      if (a.length === 0) throw new RangeError('pick from an empty array');
      return a[Math.floor(next() * a.length)]!;
    },
    int(min: number, max: number): number {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) throw new RangeError(`int(${min}, ${max}): need integers with min <= max`);
      return min + Math.floor(next() * (max - min + 1));
    },
  };
}

// prettier-ignore
export const femaleFirstNames = [
  // born 1955–1980
  'Päivi', 'Tuula', 'Pirjo', 'Anne', 'Sari', 'Tiina', 'Minna', 'Merja', 'Marja', 'Leena',
  'Riitta', 'Kirsi', 'Anu', 'Satu', 'Johanna', 'Katja', 'Heli', 'Jaana', 'Sirpa', 'Arja',
  'Seija', 'Eija', 'Hannele', 'Marjo', 'Mervi', 'Outi', 'Tarja', 'Ulla', 'Raija', 'Kristiina',
  'Helena', 'Maarit', 'Tanja', 'Marika', 'Susanna', 'Teija', 'Kaija', 'Terhi', 'Pia', 'Nina',
  // born 1980–2000
  'Sanna', 'Hanna', 'Laura', 'Elina', 'Maria', 'Anna', 'Katri', 'Jenni', 'Heidi', 'Niina',
  'Henna', 'Riikka', 'Milla', 'Noora', 'Essi', 'Annika', 'Emmi', 'Aino', 'Venla', 'Kaisa',
] as const;

// prettier-ignore
export const maleFirstNames = [
  // born 1955–1980
  'Jari', 'Timo', 'Mika', 'Juha', 'Kari', 'Matti', 'Markku', 'Pekka', 'Petri', 'Antti',
  'Jukka', 'Marko', 'Sami', 'Janne', 'Mikko', 'Heikki', 'Hannu', 'Seppo', 'Risto', 'Jouni',
  'Harri', 'Tapio', 'Esa', 'Ari', 'Vesa', 'Pasi', 'Kimmo', 'Jarmo', 'Raimo', 'Erkki',
  'Pentti', 'Ilkka', 'Reijo', 'Jyrki', 'Arto', 'Keijo', 'Pertti', 'Tero', 'Veli-Matti', 'Jussi',
  // born 1980–2000
  'Teemu', 'Tuomas', 'Ville', 'Olli', 'Tommi', 'Lauri', 'Eero', 'Aleksi', 'Joonas', 'Juho',
  'Niko', 'Joni', 'Jani', 'Toni', 'Kalle', 'Oskari', 'Eetu', 'Henri', 'Samuli', 'Ilari',
] as const;

// prettier-ignore
export const lastNames = [
  'Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen',
  'Lehtonen', 'Lehtinen', 'Saarinen', 'Salminen', 'Heinonen', 'Niemi', 'Heikkilä', 'Kinnunen', 'Salonen', 'Turunen',
  'Salo', 'Laitinen', 'Tuominen', 'Rantanen', 'Karjalainen', 'Jokinen', 'Mattila', 'Savolainen', 'Lahtinen', 'Ahonen',
  'Hiltunen', 'Leinonen', 'Hirvonen', 'Pitkänen', 'Kettunen', 'Miettinen', 'Väisänen', 'Aaltonen', 'Nurmi', 'Suominen',
  'Leppänen', 'Vainio', 'Kallio', 'Peltonen', 'Seppälä', 'Hakala', 'Koivisto', 'Nurminen', 'Mustonen', 'Ketola',
  'Räsänen', 'Rinne', 'Pulkkinen', 'Honkanen', 'Heino', 'Kujala', 'Laaksonen', 'Laakso', 'Toivonen', 'Anttila',
  'Manninen', 'Huttunen', 'Saari', 'Kivinen', 'Lampinen', 'Haapala', 'Partanen', 'Oksanen', 'Marttila', 'Koivula',
  'Kauppinen', 'Pesonen', 'Kangas', 'Harju', 'Valtonen', 'Ranta', 'Hyvönen', 'Kurki', 'Myllymäki', 'Mäenpää',
  'Kuusisto', 'Hietala', 'Aalto', 'Luoma', 'Ollila', 'Mäki', 'Kivimäki', 'Ahola', 'Aho', 'Tikka',
  // common in Satakunta and the west coast
  'Lehtimäki', 'Ojala', 'Mäkipää', 'Jalonen', 'Rajala', 'Lahti', 'Vuorinen', 'Ruohonen', 'Suomela', 'Juhola',
  'Uotila', 'Vahtera', 'Leino', 'Koskela', 'Salmi', 'Alanen', 'Mäkitalo', 'Vuori', 'Rosenberg', 'Sjöblom',
  // Swedish-speaking Finns
  'Lindholm', 'Lindqvist', 'Nyman', 'Forsman', 'Grönroos', 'Holmström', 'Eriksson', 'Johansson', 'Sundström', 'Wikström',
] as const;

export type Gender = 'female' | 'male';

export type Person = { firstName: string; lastName: string; gender: Gender };

export function randomPerson(rnd: Random): Person {
  const gender: Gender = rnd.next() < 0.5 ? 'female' : 'male';
  const firstName = rnd.pick(gender === 'female' ? femaleFirstNames : maleFirstNames);
  return { firstName, lastName: rnd.pick(lastNames), gender };
}

// Company names: templates with {first}, {last} and {brand}; a brand joins a sector word to a
// common one ("Fysio" + "Tähti" → "FysioTähti").
type Patterns = { templates: readonly string[]; brandStems: readonly string[] };

const brandEndings = ['Tähti', 'Helmi', 'Lähde', 'Kulma', 'Aalto', 'Valo', 'Tupa', 'Paja', 'Piste', 'Pilvi', 'Satama', 'Kaari'] as const;

const ownerTemplates = ['Tmi {first} {last}', 'Tmi {last}', '{first} {last} Ky', '{last} Oy'] as const;

const patternsBySector: Readonly<Record<string, Patterns>> = {
  sote: {
    templates: [
      'Kotihoito {last}',
      'Fysioterapia {first} {last}',
      '{brand} Oy',
      'Hoivapalvelu {last} Oy',
      'Jalkahoitola {first}',
      'Hieronta {first} {last}',
      'Terapiapalvelu {last}',
      'Tmi {first} {last}',
    ],
    brandStems: ['Fysio', 'Hoiva', 'Koti', 'Kunto', 'Mieli', 'Hyvä'],
  },
  Q: {
    templates: ['Fysioterapia {last}', 'Kotihoito {first} {last}', '{brand} Oy', 'Hammashoitola {last}', 'Psykoterapia {first} {last}', 'Tmi {first} {last}'],
    brandStems: ['Fysio', 'Terveys', 'Hoiva', 'Mieli'],
  },
  S: {
    templates: [
      'Parturi-Kampaamo {first}',
      'Kampaamo {brand}',
      'Kauneushoitola {first} {last}',
      'Hiusstudio {first}',
      'Ompelimo {last}',
      'Tmi {first} {last}',
      'Suutari {last}',
    ],
    brandStems: ['Hius', 'Kauneus', 'Kihara', 'Sakset', 'Kynsi'],
  },
  M: {
    templates: [
      'Tilitoimisto {last} Oy',
      'Kirjanpito {first} {last}',
      'Tilipalvelu {brand}',
      'Suunnittelutoimisto {last}',
      'Insinööritoimisto {last} Oy',
      'Konsultointi {first} {last}',
      'Tmi {first} {last}',
    ],
    brandStems: ['Tili', 'Numero', 'Laskenta', 'Raha'],
  },
  F: {
    templates: [
      'Rakennuspalvelu {last} Oy',
      'Kirvestyö {last}',
      'Remonttiapu {first} {last}',
      'Maalaus {last} Ky',
      'Putkityö {last} Oy',
      'Sähkötyö {last}',
      'Tmi {first} {last}',
    ],
    brandStems: ['Remontti', 'Rakennus', 'Koti', 'Katto'],
  },
  C: {
    templates: ['Puusepänverstas {last}', 'Leipomo {last}', 'Metallityö {last} Oy', 'Huonekalupaja {brand}', 'Ompelimo {first}', 'Käsityö {first} {last}'],
    brandStems: ['Puu', 'Leipä', 'Rauta', 'Käsi'],
  },
  I: {
    templates: ['Kahvila {first}', 'Café {brand}', 'Lounasravintola {brand}', 'Leipomo-Kahvila {last}', 'Pitopalvelu {first} {last}', 'Majatalo {brand}'],
    brandStems: ['Kahvi', 'Pulla', 'Lounas', 'Satama', 'Tori'],
  },
  G: {
    templates: ['Kukkakauppa {first}', 'Lankakauppa {brand}', 'Kirpputori {brand}', 'Sisustusliike {last}', 'Kauppa {first} {last}', 'Verkkokauppa {brand} Oy'],
    brandStems: ['Kukka', 'Lanka', 'Kirppu', 'Sisustus', 'Lahja'],
  },
  A: {
    templates: ['Maatila {last}', 'Puutarha {last}', 'Metsäpalvelu {last}', 'Marjatila {first} {last}', 'Hevostalli {brand}'],
    brandStems: ['Marja', 'Pelto', 'Metsä', 'Heinä'],
  },
  H: {
    templates: ['Taksi {first} {last}', 'Kuljetus {last} Oy', 'Muuttopalvelu {last}', 'Kuljetusliike {last} Ky'],
    brandStems: ['Kuljetus', 'Muutto'],
  },
  J: {
    templates: ['Mainostoimisto {brand}', 'Verkkopaja {last}', 'Viestintä {first} {last}', 'Ohjelmistopalvelu {brand} Oy'],
    brandStems: ['Viesti', 'Verkko', 'Koodi', 'Sana'],
  },
  N: {
    templates: ['Siivouspalvelu {last}', 'Kiinteistöhuolto {last} Oy', 'Kotisiivous {first}', 'Pihapalvelu {last} Ky'],
    brandStems: ['Siivous', 'Puhdas', 'Piha'],
  },
  P: {
    templates: ['Koulutuspalvelu {last}', 'Valmennus {first} {last}', 'Kielikoulu {brand}', 'Autokoulu {last}'],
    brandStems: ['Oppi', 'Taito', 'Kieli'],
  },
  R: {
    templates: ['Tanssikoulu {brand}', 'Valokuvaamo {last}', 'Musiikkipalvelu {first} {last}', 'Ohjelmapalvelu {brand}'],
    brandStems: ['Tanssi', 'Kuva', 'Sävel', 'Elämys'],
  },
  L: { templates: ['Kiinteistö {last} Oy', 'Vuokrapalvelu {last}', 'Kiinteistövälitys {brand}'], brandStems: ['Koti', 'Asunto'] },
};

const defaultPatterns: Patterns = { templates: [...ownerTemplates, 'Palvelu {last}', '{brand} Oy'], brandStems: ['Yritys', 'Palvelu', 'Työ'] };

/**
 * A fictional small-firm name for a person in a sector (a code from
 * src/features/companies/sectors.ts; unknown codes get generic names), e.g. "Tmi Päivi
 * Tikka", "Kotihoito Aho", "FysioTähti Oy".
 */
export function randomCompanyName(rnd: Random, person: Person, sectorCode: string): string {
  const patterns = Object.hasOwn(patternsBySector, sectorCode) ? patternsBySector[sectorCode]! : defaultPatterns;
  // a sole trader's own name ("Tmi …") shows up in every sector
  const template = rnd.next() < 0.2 ? rnd.pick(ownerTemplates) : rnd.pick(patterns.templates);
  const brand = `${rnd.pick(patterns.brandStems)}${rnd.pick(brandEndings)}`;
  return template.replaceAll('{first}', person.firstName).replaceAll('{last}', person.lastName).replaceAll('{brand}', brand);
}

function emailPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // é → e, ü → u
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

/** "Päivi", "Mäkelä", "example.fi" → "paivi.makela@example.fi" (ä, å → a, ö → o, lower case). */
export function emailFor(firstName: string, lastName: string, domain: string): string {
  return `${emailPart(firstName)}.${emailPart(lastName)}@${domain.trim().toLowerCase()}`;
}
