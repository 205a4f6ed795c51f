// The spreadsheets people really have: Excel's Finnish CSV (semicolons, Windows-1252), a UTF-8 CSV
// with a BOM and commas, quoted fields with line breaks, an XLSX with numbers and dates as cells,
// headers in Finnish, Swedish or English, and the mistakes a coordinator would catch by hand.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { translate } from '../../platform/i18n/i18n.ts';
import { checkImport, headerKey, mapColumns, parseMunicipality, parseSector, parseSize } from './import-rows.ts';
import { decodeText, detectDelimiter, readTable, UnreadableFileError } from './read-table.ts';

const today = new Date('2026-12-04T10:00:00Z');

/** Windows-1252 bytes of a Latin-1 text (ä ö å Ä Ö are single bytes there). */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => {
    const code = ch.charCodeAt(0);
    if (code > 0xff) throw new Error('not Latin-1');
    return code;
  }));
}

describe('reading the file', () => {
  it('reads Excel\'s Finnish CSV: semicolons and Windows-1252', async () => {
    const table = await readTable(cp1252('Nimi;Sähköposti;Kotikunta\r\nÄijälä Örjan;orjan@example.fi;Mäntyharju\r\n'));
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', headers: ['Nimi', 'Sähköposti', 'Kotikunta'] });
    expect(table.rows).toEqual([{ line: 2, cells: ['Äijälä Örjan', 'orjan@example.fi', 'Mäntyharju'] }]);
  });

  it('reads a UTF-8 CSV with a BOM and commas, quoted fields with commas and line breaks, and blank lines', async () => {
    const text = '\uFEFFname,email,company\n\n"Virtanen, Matti",matti@example.fi,"Puutyö\nVirtanen"\nLiisa Laine,liisa@example.fi,\n';
    const table = await readTable(new TextEncoder().encode(text));
    expect(table).toMatchObject({ encoding: 'utf-8', delimiter: ',', headers: ['name', 'email', 'company'] });
    expect(table.rows).toEqual([
      { line: 3, cells: ['Virtanen, Matti', 'matti@example.fi', 'Puutyö\nVirtanen'] },
      { line: 5, cells: ['Liisa Laine', 'liisa@example.fi', ''] },
    ]);
  });

  it('detects the encoding from a BOM and UTF-8 validity, and takes an override', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xe4, 0x00])).text).toBe('Aä');
    expect(decodeText(new TextEncoder().encode('Pori')).encoding).toBe('utf-8');
    expect(decodeText(cp1252('Pälkäne')).encoding).toBe('windows-1252');
    // The same valid UTF-8 bytes read as Windows-1252 when the person says so.
    expect(decodeText(new TextEncoder().encode('ä'), 'windows-1252').text).toBe('Ã¤');
  });

  it('takes the delimiter from the header line, ignoring those inside quotes', () => {
    expect(detectDelimiter('"a;b",c,d\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });

  it('reads the first sheet of an XLSX: numbers, dates, formulas and rich text as the text a person sees', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Osallistujat');
    sheet.addRow(['Nimi', 'Sähköposti', 'Syntymävuosi', 'Kunta', 'Aloitettu']);
    sheet.addRow([]);
    sheet.addRow([{ richText: [{ text: 'Aino ' }, { text: 'Aalto', font: { bold: true } }] }, 'aino@example.fi', 1968, 609, new Date('2026-03-01T00:00:00Z')]);
    sheet.addRow(['Eero', { formula: 'LOWER("EERO@EXAMPLE.FI")', result: 'eero@example.fi' }, 1959, 'Ulvila', null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const table = await readTable(bytes);
    expect(table).toMatchObject({ format: 'xlsx', encoding: null, headers: ['Nimi', 'Sähköposti', 'Syntymävuosi', 'Kunta', 'Aloitettu'] });
    expect(table.rows).toEqual([
      { line: 3, cells: ['Aino Aalto', 'aino@example.fi', '1968', '609', '2026-03-01'] },
      { line: 4, cells: ['Eero', 'eero@example.fi', '1959', 'Ulvila', ''] },
    ]);
  });

  it('refuses an empty file, a broken workbook and a file without a header', async () => {
    await expect(readTable(new Uint8Array())).rejects.toMatchObject({ reason: 'empty' });
    await expect(readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(readTable(new TextEncoder().encode('\n\n ; \n'))).rejects.toMatchObject({ reason: 'noHeader' });
  });
});

describe('mapping the columns', () => {
  it('knows the headers people write in Finnish, Swedish and English', () => {
    expect(mapColumns('participants', ['Etunimi', 'Sukunimi', 'S-posti', 'Puh.', 'Y-tunnus', 'Yrityksen nimi', 'Kotikunta', 'Toimiala']).mapping).toEqual({
      firstName: 0,
      lastName: 1,
      email: 2,
      phone: 3,
      businessId: 4,
      companyName: 5,
      municipality: 6,
      sector: 7,
    });
    expect(mapColumns('participants', ['Namn', 'E-post', 'FO-nummer', 'Företag', 'Kommun']).mapping).toEqual({ name: 0, email: 1, businessId: 2, companyName: 3, municipality: 4 });
    expect(headerKey('Sähköposti­osoite')).toBe('sahkopostiosoite');
  });

  it('takes the caller\'s mapping over the guess and names a header the file does not have', () => {
    const { mapping, unknownHeaders } = mapColumns('participants', ['Yhteyshenkilö', 'Osoite', 'Posti'], { email: 'Posti', phone: 'Puhelin' });
    expect(mapping).toEqual({ name: 0, email: 2 });
    expect(unknownHeaders).toEqual(['Puhelin']);
  });

  it('says which required column is missing', () => {
    const table = { headers: ['Nimi'], rows: [{ line: 2, cells: ['Aino'] }] };
    expect(checkImport('participants', table, mapColumns('participants', table.headers).mapping, today).missingColumns).toEqual(['email']);
    expect(checkImport('companies', table, mapColumns('companies', table.headers).mapping, today).missingColumns).toEqual(['companyName']);
  });
});

describe('checking the rows', () => {
  const headers = ['Nimi', 'Sähköposti', 'Syntymävuosi', 'Sukupuoli', 'Yritys', 'Y-tunnus', 'Kunta', 'Toimiala', 'Koko'];
  const run = (rows: string[][]) =>
    checkImport('participants', { headers, rows: rows.map((cells, i) => ({ line: i + 2, cells })) }, mapColumns('participants', headers).mapping, today);

  it('turns a good row into a person and a company, in canonical form', () => {
    const check = run([['  Aino   Aalto ', 'AINO@Example.FI', '1968', 'nainen', 'Aallon Puutyö', '0112038 9', 'pori', 'Teollisuus', 'yksinyrittäjä']]);
    expect(check.errors).toEqual([]);
    expect(check.rows).toEqual([
      {
        line: 2,
        person: { email: 'aino@example.fi', name: 'Aino Aalto', phone: null, birthYear: 1968, gender: 'female', locale: null },
        company: { name: 'Aallon Puutyö', businessId: '0112038-9', municipality: '609', sector: 'C', size: 'sole' },
      },
    ]);
  });

  it('lists each row\'s errors: bad Y-tunnus, unknown municipality, duplicate e-mail and the rest', () => {
    const check = run([
      ['Aino Aalto', 'aino@example.fi', '1968', 'N', 'Aallon Puutyö', '0112038-8', 'Porii', 'C', 'mikro'],
      ['Eero Esimerkki', 'Aino@example.fi', '19xx', 'mies', '', '', '', '', ''],
      ['', 'ei-osoite', '1890', 'x', 'Firma Oy', '2345678-0', '609', 'Kaivostoiminta ja louhinta', 'jättiläinen'],
    ]);
    expect(check.rows).toEqual([]);
    expect(check.total).toBe(3);
    expect(check.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [2, 'businessId', 'businessIdInvalid'],
      [2, 'municipality', 'municipalityUnknown'],
      [3, 'email', 'emailDuplicate'],
      [3, 'birthYear', 'birthYearInvalid'],
      [4, 'email', 'emailInvalid'],
      [4, 'name', 'nameMissing'],
      [4, 'birthYear', 'birthYearInvalid'],
      [4, 'gender', 'genderUnknown'],
      [4, 'size', 'sizeUnknown'],
    ]);
    expect(check.errors[2]).toMatchObject({ value: 'Aino@example.fi', otherLine: 2 });
  });

  it('writes the errors in Finnish with the line, the field and the value', () => {
    const [bad, unknown] = run([['Aino Aalto', 'aino@example.fi', '', '', 'Aallon Puutyö', '0112038-8', 'Porii', '', '']]).errors;
    const message = (e: typeof bad) => translate('fi', `import.error.${e!.code}`, { value: e!.value, otherLine: '' });
    expect(translate('fi', 'import.error.line', { line: bad!.line, field: translate('fi', 'import.field.businessId'), message: message(bad) })).toBe(
      'Rivi 2, Y-tunnus: Y-tunnus ”0112038-8” ei ole kelvollinen (muoto 1234567-8 ja tarkistusnumero).',
    );
    expect(message(unknown)).toBe('Tuntematon kunta: ”Porii”. Käytä kunnan nimeä tai Tilastokeskuksen kuntanumeroa.');
  });

  it('allows the same company on several people\'s rows, but not one Y-tunnus under two names', () => {
    const check = run([
      ['Aino Aalto', 'aino@example.fi', '', '', 'Aallon Puutyö', '0112038-9', '', '', ''],
      ['Pekka Aalto', 'pekka@example.fi', '', '', 'aallon puutyö', '0112038-9', '', '', ''],
      ['Outi Ojala', 'outi@example.fi', '', '', 'Ojalan Kukka', '0112038-9', '', '', ''],
    ]);
    expect(check.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(check.errors).toMatchObject([{ line: 4, code: 'businessIdDuplicate', otherLine: 2 }]);
  });

  it('reads municipalities, sectors and sizes the ways people write them', () => {
    expect([parseMunicipality('609'), parseMunicipality('91'), parseMunicipality('Helsingfors'), parseMunicipality('ÄHTÄRI'), parseMunicipality('Pertunmaa')]).toEqual(['609', '091', '091', '989', null]);
    expect([parseSector('sote'), parseSector('c'), parseSector('Manufacturing'), parseSector('Tillverkning'), parseSector('ohjelmointi')]).toEqual(['sote', 'C', 'C', 'C', null]);
    expect([parseSize('1–9 henkeä'), parseSize('Ensamföretagare'), parseSize('Pienyritys'), parseSize('medium'), parseSize('iso')]).toEqual(['micro', 'sole', 'small', 'medium', null]);
  });
});
