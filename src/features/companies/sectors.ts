// Sectors for the application form: social and health care ("sote") first, since much of the
// programme's audience works there, then the main classes (sections A–U) of Statistics
// Finland's Standard Industrial Classification TOL 2008 — without section Q (human health and
// social work), which is the same field as "sote" (merged by migration 0010, issue 11) — named in Finnish, Swedish and
// English as Statistics Finland publishes them. Company size bands follow the EU SME
// definition by headcount. Pure data, no I/O.

export type SectorLocale = 'fi' | 'sv' | 'en';

export type Sector = {
  /** 'sote', or a TOL 2008 section letter 'A'…'U'. */
  code: string;
  fi: string;
  sv: string;
  en: string;
};

export const sectors: readonly Sector[] = Object.freeze([
  { code: 'sote', fi: 'Sosiaali- ja terveysala', sv: 'Social- och hälsovårdsbranschen', en: 'Social and health care' },
  { code: 'A', fi: 'Maatalous, metsätalous ja kalatalous', sv: 'Jordbruk, skogsbruk och fiske', en: 'Agriculture, forestry and fishing' },
  { code: 'B', fi: 'Kaivostoiminta ja louhinta', sv: 'Utvinning av mineral', en: 'Mining and quarrying' },
  { code: 'C', fi: 'Teollisuus', sv: 'Tillverkning', en: 'Manufacturing' },
  {
    code: 'D',
    fi: 'Sähkö-, kaasu- ja lämpöhuolto, jäähdytysliiketoiminta',
    sv: 'Försörjning av el, gas, värme och kyla',
    en: 'Electricity, gas, steam and air conditioning supply',
  },
  {
    code: 'E',
    fi: 'Vesihuolto, viemäri- ja jätevesihuolto, jätehuolto ja muu ympäristön puhtaanapito',
    sv: 'Vattenförsörjning; avloppsrening, avfallshantering och sanering',
    en: 'Water supply; sewerage, waste management and remediation activities',
  },
  { code: 'F', fi: 'Rakentaminen', sv: 'Byggverksamhet', en: 'Construction' },
  {
    code: 'G',
    fi: 'Tukku- ja vähittäiskauppa; moottoriajoneuvojen ja moottoripyörien korjaus',
    sv: 'Handel; reparation av motorfordon och motorcyklar',
    en: 'Wholesale and retail trade; repair of motor vehicles and motorcycles',
  },
  { code: 'H', fi: 'Kuljetus ja varastointi', sv: 'Transport och magasinering', en: 'Transportation and storage' },
  { code: 'I', fi: 'Majoitus- ja ravitsemistoiminta', sv: 'Hotell- och restaurangverksamhet', en: 'Accommodation and food service activities' },
  { code: 'J', fi: 'Informaatio ja viestintä', sv: 'Informations- och kommunikationsverksamhet', en: 'Information and communication' },
  { code: 'K', fi: 'Rahoitus- ja vakuutustoiminta', sv: 'Finans- och försäkringsverksamhet', en: 'Financial and insurance activities' },
  { code: 'L', fi: 'Kiinteistöalan toiminta', sv: 'Fastighetsverksamhet', en: 'Real estate activities' },
  {
    code: 'M',
    fi: 'Ammatillinen, tieteellinen ja tekninen toiminta',
    sv: 'Verksamhet inom juridik, ekonomi, vetenskap och teknik',
    en: 'Professional, scientific and technical activities',
  },
  {
    code: 'N',
    fi: 'Hallinto- ja tukipalvelutoiminta',
    sv: 'Uthyrning, fastighetsservice, resetjänster och andra stödtjänster',
    en: 'Administrative and support service activities',
  },
  {
    code: 'O',
    fi: 'Julkinen hallinto ja maanpuolustus; pakollinen sosiaalivakuutus',
    sv: 'Offentlig förvaltning och försvar; obligatorisk socialförsäkring',
    en: 'Public administration and defence; compulsory social security',
  },
  { code: 'P', fi: 'Koulutus', sv: 'Utbildning', en: 'Education' },
  { code: 'R', fi: 'Taiteet, viihde ja virkistys', sv: 'Kultur, nöje och fritid', en: 'Arts, entertainment and recreation' },
  { code: 'S', fi: 'Muu palvelutoiminta', sv: 'Annan serviceverksamhet', en: 'Other service activities' },
  {
    code: 'T',
    fi: 'Kotitalouksien toiminta työnantajina; kotitalouksien eriyttämätön toiminta tavaroiden ja palvelujen tuottamiseksi omaan käyttöön',
    sv: 'Förvärvsarbete i hushåll; hushållens produktion av diverse varor och tjänster för eget bruk',
    en: 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use',
  },
  {
    code: 'U',
    fi: 'Kansainvälisten organisaatioiden ja toimielinten toiminta',
    sv: 'Verksamhet vid internationella organisationer, utländska ambassader o.d.',
    en: 'Activities of extraterritorial organisations and bodies',
  },
]);

const sectorsByCode = new Map(sectors.map((s) => [s.code, s]));

export const sectorCodes: readonly string[] = Object.freeze(sectors.map((s) => s.code));

export function isSectorCode(code: string): boolean {
  return sectorsByCode.has(code);
}

/** The sector's name in a language, or undefined for an unknown code. */
export function sectorLabel(code: string, locale: SectorLocale): string | undefined {
  return sectorsByCode.get(code)?.[locale];
}

/** Company size by headcount: sole entrepreneur, then the EU micro / small / medium bands. */
export const companySizes = ['sole', 'micro', 'small', 'medium'] as const;
export type CompanySize = (typeof companySizes)[number];

export const companySizeLabels: Readonly<Record<CompanySize, Readonly<Record<SectorLocale, string>>>> = Object.freeze({
  sole: { fi: 'Yksinyrittäjä', sv: 'Ensamföretagare', en: 'Sole entrepreneur' },
  micro: { fi: '1–9 henkeä', sv: '1–9 personer', en: '1–9 people' },
  small: { fi: '10–49 henkeä', sv: '10–49 personer', en: '10–49 people' },
  medium: { fi: '50–249 henkeä', sv: '50–249 personer', en: '50–249 people' },
});

export function isCompanySize(value: string): value is CompanySize {
  return (companySizes as readonly string[]).includes(value);
}

/** The size band's label in a language, or undefined for an unknown size. */
export function companySizeLabel(size: string, locale: SectorLocale): string | undefined {
  return isCompanySize(size) ? companySizeLabels[size][locale] : undefined;
}
