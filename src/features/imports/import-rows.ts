// From a read table to the rows an import would write, with every row's errors: the column
// mapping (guessed from the headers in Finnish, Swedish or English, overridable per field) and
// the checks a coordinator would make by hand — a valid e-mail, not twice in the file, a
// Y-tunnus whose check digit holds, a municipality Statistics Finland knows, a known sector,
// size, gender and birth year. Pure: no I/O; the messages are i18n keys (`import.error.*`).
import { z } from 'zod';
import { normalizeBusinessId } from '../companies/business-id.ts';
import { companySizeLabels, companySizes, sectors, type CompanySize } from '../companies/sectors.ts';
import type { Gender } from '../companies/companies.schema.ts';
import { municipalities, municipalityByCode } from '../places/municipalities.ts';
import type { ReadTable } from './read-table.ts';

export const importKinds = ['participants', 'companies'] as const;
export type ImportKind = (typeof importKinds)[number];

export const importFields = [
  'email',
  'name',
  'firstName',
  'lastName',
  'phone',
  'birthYear',
  'gender',
  'locale',
  'companyName',
  'businessId',
  'municipality',
  'sector',
  'size',
] as const;
export type ImportField = (typeof importFields)[number];

/** The fields each kind reads; a participant's company columns are optional. */
export const kindFields: Readonly<Record<ImportKind, readonly ImportField[]>> = {
  participants: importFields,
  companies: ['companyName', 'businessId', 'municipality', 'sector', 'size'],
};

/** Header spellings people use, normalised by `headerKey` (lower case, letters and digits only). */
const synonyms: Readonly<Record<ImportField, readonly string[]>> = {
  email: ['email', 'sahkoposti', 'sahkopostiosoite', 'spostiosoite', 'sposti', 'epost', 'epostadress', 'emailaddress', 'mail'],
  name: ['nimi', 'name', 'namn', 'koko nimi', 'kokonimi', 'fullname', 'henkilo', 'yhteyshenkilo'],
  firstName: ['etunimi', 'etunimet', 'firstname', 'fornamn', 'givenname'],
  lastName: ['sukunimi', 'lastname', 'efternamn', 'surname', 'familyname'],
  phone: ['puhelin', 'puhelinnumero', 'puh', 'matkapuhelin', 'gsm', 'phone', 'telefon', 'telefonnummer', 'mobile'],
  birthYear: ['syntymavuosi', 'svuosi', 'birthyear', 'fodelsear', 'yearofbirth'],
  gender: ['sukupuoli', 'gender', 'sex', 'kon'],
  locale: ['kieli', 'asiointikieli', 'language', 'sprak', 'locale'],
  companyName: ['yritys', 'yrityksennimi', 'yrityksen nimi', 'toiminimi', 'company', 'companyname', 'foretag', 'foretagetsnamn', 'firma'],
  businessId: ['ytunnus', 'ytun', 'businessid', 'fonummer', 'fosignum', 'yritystunnus', 'vatid'],
  municipality: ['kunta', 'kotikunta', 'kotipaikka', 'paikkakunta', 'municipality', 'kommun', 'hemkommun'],
  sector: ['toimiala', 'ala', 'sector', 'industry', 'bransch', 'tol'],
  size: ['koko', 'yrityksenkoko', 'kokoluokka', 'henkilosto', 'size', 'companysize', 'storlek'],
};

export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Field → column index. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** The mapping guessed from the headers, then the caller's overrides (field → header text). */
export function mapColumns(kind: ImportKind, headers: readonly string[], overrides: Partial<Record<ImportField, string>> = {}): { mapping: ColumnMapping; unknownHeaders: string[] } {
  const keys = headers.map(headerKey);
  const mapping: ColumnMapping = {};
  for (const field of kindFields[kind]) {
    const wanted = new Set(synonyms[field].map(headerKey));
    const index = keys.findIndex((k, i) => wanted.has(k) && !Object.values(mapping).includes(i));
    if (index >= 0) mapping[field] = index;
  }
  const unknownHeaders: string[] = [];
  for (const [field, header] of Object.entries(overrides) as [ImportField, string][]) {
    if (!kindFields[kind].includes(field)) continue;
    const index = headers.findIndex((h) => h === header) >= 0 ? headers.findIndex((h) => h === header) : keys.indexOf(headerKey(header));
    if (index < 0) unknownHeaders.push(header);
    else mapping[field] = index;
  }
  return { mapping, unknownHeaders };
}

export type RowErrorCode =
  | 'emailMissing'
  | 'emailInvalid'
  | 'emailDuplicate'
  | 'nameMissing'
  | 'companyNameMissing'
  | 'businessIdInvalid'
  | 'businessIdDuplicate'
  | 'municipalityUnknown'
  | 'sectorUnknown'
  | 'sizeUnknown'
  | 'genderUnknown'
  | 'birthYearInvalid'
  | 'localeUnknown'
  | 'phoneInvalid';

export interface RowError {
  line: number;
  field: ImportField;
  code: RowErrorCode;
  /** What the cell held, for the message ("Tuntematon kunta: Porii"). */
  value: string;
  /** The other line, for duplicates. */
  otherLine?: number;
}

export interface ImportCompany {
  name: string;
  businessId: string | null;
  municipality: string | null;
  sector: string | null;
  size: CompanySize | null;
}

export interface ImportPerson {
  email: string;
  name: string;
  phone: string | null;
  birthYear: number | null;
  gender: Gender | null;
  locale: 'fi' | 'sv' | 'en' | null;
}

export interface ImportRow {
  line: number;
  person: ImportPerson | null;
  company: ImportCompany | null;
}

export interface ImportCheck {
  kind: ImportKind;
  /** Required fields no column maps to: nothing can be imported until they are mapped. */
  missingColumns: ImportField[];
  /** Rows without errors, ready to commit. */
  rows: ImportRow[];
  errors: RowError[];
  /** Data rows in the file (valid and not). */
  total: number;
}

const emailSchema = z.email().max(254);

const municipalityByName = new Map<string, string>();
for (const m of municipalities) {
  municipalityByName.set(m.fi.toLocaleLowerCase('fi'), m.code);
  municipalityByName.set(m.sv.toLocaleLowerCase('fi'), m.code);
}

export function parseMunicipality(value: string): string | null {
  const v = value.trim();
  if (/^\d{1,3}$/.test(v)) return municipalityByCode(v.padStart(3, '0'))?.code ?? null;
  return municipalityByName.get(v.toLocaleLowerCase('fi')) ?? null;
}

export function parseSector(value: string): string | null {
  const v = value.trim().toLocaleLowerCase('fi');
  const found = sectors.find((s) => s.code.toLowerCase() === v || s.fi.toLocaleLowerCase('fi') === v || s.sv.toLocaleLowerCase('fi') === v || s.en.toLowerCase() === v);
  return found?.code ?? null;
}

const sizeWords: Readonly<Record<string, CompanySize>> = {
  yksinyrittaja: 'sole',
  toiminimi: 'sole',
  ensamforetagare: 'sole',
  mikro: 'micro',
  mikroyritys: 'micro',
  pienyritys: 'small',
  pieni: 'small',
  keskisuuri: 'medium',
  keskisuuriyritys: 'medium',
  '19': 'micro',
  '1049': 'small',
  '50249': 'medium',
};

export function parseSize(value: string): CompanySize | null {
  const key = headerKey(value);
  if ((companySizes as readonly string[]).includes(key)) return key as CompanySize;
  for (const size of companySizes) if (Object.values(companySizeLabels[size]).some((l) => headerKey(l) === key)) return size;
  return sizeWords[key] ?? null;
}

const genderWords: Readonly<Record<string, Gender>> = {
  female: 'female',
  f: 'female',
  nainen: 'female',
  n: 'female',
  kvinna: 'female',
  woman: 'female',
  male: 'male',
  mies: 'male',
  m: 'male',
  man: 'male',
  other: 'other',
  muu: 'other',
  annan: 'other',
  nonbinary: 'other',
  muunsukupuolinen: 'other',
};

export function parseGender(value: string): Gender | null {
  return genderWords[headerKey(value)] ?? null;
}

const localeWords: Readonly<Record<string, 'fi' | 'sv' | 'en'>> = {
  fi: 'fi',
  suomi: 'fi',
  finnish: 'fi',
  finska: 'fi',
  sv: 'sv',
  ruotsi: 'sv',
  svenska: 'sv',
  swedish: 'sv',
  en: 'en',
  englanti: 'en',
  english: 'en',
  engelska: 'en',
};

/** Checks every row; `today` bounds plausible birth years (15 to 100 years old). */
export function checkImport(kind: ImportKind, table: Pick<ReadTable, 'headers' | 'rows'>, mapping: ColumnMapping, today: Date = new Date()): ImportCheck {
  const required: ImportField[] = kind === 'participants' ? ['email'] : ['companyName'];
  const missingColumns = required.filter((f) => mapping[f] === undefined);
  if (kind === 'participants' && mapping.name === undefined && (mapping.firstName === undefined || mapping.lastName === undefined)) missingColumns.push('name');
  if (missingColumns.length) return { kind, missingColumns, rows: [], errors: [], total: table.rows.length };

  const year = today.getUTCFullYear();
  const seenEmail = new Map<string, number>();
  const seenBusinessId = new Map<string, { line: number; name: string }>();
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  for (const { line, cells } of table.rows) {
    const cell = (f: ImportField) => (mapping[f] === undefined ? '' : (cells[mapping[f]] ?? '').trim());
    const rowErrors: RowError[] = [];
    const fail = (field: ImportField, code: RowErrorCode, extra: Partial<RowError> = {}) => rowErrors.push({ line, field, code, value: cell(field), ...extra });

    let person: ImportPerson | null = null;
    if (kind === 'participants') {
      const email = cell('email').toLowerCase();
      if (!email) fail('email', 'emailMissing');
      else if (!emailSchema.safeParse(email).success) fail('email', 'emailInvalid');
      else if (seenEmail.has(email)) fail('email', 'emailDuplicate', { otherLine: seenEmail.get(email) });
      else seenEmail.set(email, line);
      const name = (cell('name') || [cell('firstName'), cell('lastName')].filter(Boolean).join(' ')).replace(/\s+/g, ' ').trim();
      if (!name) fail('name', 'nameMissing');
      const phoneText = cell('phone');
      const phone = phoneText ? phoneText.replace(/[\s-]/g, '') : null;
      if (phone && !/^\+?\d{5,15}$/.test(phone)) fail('phone', 'phoneInvalid');
      const birthText = cell('birthYear');
      const birthYear = birthText ? Number(birthText) : null;
      if (birthText && (!/^\d{4}$/.test(birthText) || birthYear! < year - 100 || birthYear! > year - 15)) fail('birthYear', 'birthYearInvalid');
      const genderText = cell('gender');
      const gender = genderText ? parseGender(genderText) : null;
      if (genderText && !gender) fail('gender', 'genderUnknown');
      const localeText = cell('locale');
      const locale = localeText ? (localeWords[headerKey(localeText)] ?? null) : null;
      if (localeText && !locale) fail('locale', 'localeUnknown');
      person = { email, name, phone: phoneText || null, birthYear, gender, locale };
    }

    let company: ImportCompany | null = null;
    const companyName = cell('companyName').replace(/\s+/g, ' ');
    const businessIdText = cell('businessId');
    const municipalityText = cell('municipality');
    const sectorText = cell('sector');
    const sizeText = cell('size');
    const hasCompany = kind === 'companies' || companyName !== '' || businessIdText !== '';
    if (hasCompany) {
      if (!companyName) fail('companyName', 'companyNameMissing');
      const businessId = businessIdText ? normalizeBusinessId(businessIdText) : null;
      if (businessIdText && !businessId) fail('businessId', 'businessIdInvalid');
      if (businessId) {
        const seen = seenBusinessId.get(businessId);
        // The same company on several people's rows is normal; the same Y-tunnus under two names is a mistake.
        if (seen && (kind === 'companies' || seen.name.toLocaleLowerCase('fi') !== companyName.toLocaleLowerCase('fi'))) fail('businessId', 'businessIdDuplicate', { otherLine: seen.line });
        else if (!seen) seenBusinessId.set(businessId, { line, name: companyName });
      }
      const municipality = municipalityText ? parseMunicipality(municipalityText) : null;
      if (municipalityText && !municipality) fail('municipality', 'municipalityUnknown');
      const sector = sectorText ? parseSector(sectorText) : null;
      if (sectorText && !sector) fail('sector', 'sectorUnknown');
      const size = sizeText ? parseSize(sizeText) : null;
      if (sizeText && !size) fail('size', 'sizeUnknown');
      company = { name: companyName, businessId, municipality, sector, size };
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else rows.push({ line, person, company });
  }
  return { kind, missingColumns, rows, errors, total: table.rows.length };
}
