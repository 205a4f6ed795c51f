import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, spreadsheetText } from './cells.ts';

describe('spreadsheet cells', () => {
  it('neutralises a text that a spreadsheet would read as a formula', () => {
    expect(spreadsheetText('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(spreadsheetText('+358 40 123')).toBe("'+358 40 123");
    expect(spreadsheetText('-1+1')).toBe("'-1+1");
    expect(spreadsheetText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(spreadsheetText('\t=1')).toBe("'\t=1");
    expect(spreadsheetText('Matti = Maija')).toBe('Matti = Maija');
  });
  it('leaves plain numbers, negative ones included, as numbers', () => {
    expect(spreadsheetText('-2')).toBe('-2');
    expect(spreadsheetText('-0,5')).toBe('-0,5');
    expect(spreadsheetText('3.25')).toBe('3.25');
  });
  it('quotes a CSV field with ; " or a line break, after neutralising', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('sanoi "hei"')).toBe('"sanoi ""hei"""');
    expect(csvField('=1;2')).toBe(`"'=1;2"`);
    expect(csvField('rivi\nkaksi')).toBe('"rivi\nkaksi"');
    expect(csvField('@Pahis Oy')).toBe(`"'@Pahis Oy"`);
    expect(csvField('-2')).toBe('-2');
    expect(csvDocument(['a;b', '1;2'])).toBe('\uFEFFa;b\r\n1;2\r\n');
  });
});
